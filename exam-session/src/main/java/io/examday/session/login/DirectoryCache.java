package io.examday.session.login;

import com.google.cloud.Timestamp;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.infra.RedisScript;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Login's copy of the candidate directory in Redis, so the login spike reads Redis, not Spanner.
 * Filled ahead of the start by the exam warm-up and on every Spanner read, each fill with the
 * Spanner timestamp it read at. An import replaces the entries it changes with a tombstone carrying
 * its commit timestamp, which only a fill read after that commit may replace: a read that began
 * before the import cannot put the old access-code hash back (directory-put.lua). Best effort for
 * lookups and fills: a Redis failure is a cache miss, never a failed login.
 */
@Singleton
public class DirectoryCache {

  private static final Logger LOG = Logger.getLogger(DirectoryCache.class);

  /** Longer than any Spanner read that could still bring back the record from before an import. */
  static final long TOMBSTONE_SECONDS = 600;

  private static final String PENDING = "pending";

  private final UnifiedJedis redis;
  private final RedisScript put;
  private final RedisScript forget;
  private final String ttlSeconds;
  private final Counter hits;
  private final Counter misses;
  private final Counter errors;

  public DirectoryCache(
      UnifiedJedis redis, Tracer tracer, ExamSessionConfig config, MeterRegistry metrics) {
    this.redis = redis;
    this.put = new RedisScript(redis, tracer, "directory-put");
    this.forget = new RedisScript(redis, tracer, "directory-forget");
    this.ttlSeconds = Long.toString(config.redis().hotStateTtl().toSeconds());
    this.hits = lookups(metrics, "hit");
    this.misses = lookups(metrics, "miss");
    this.errors = lookups(metrics, "error");
  }

  private static Counter lookups(MeterRegistry metrics, String result) {
    return Counter.builder("examday.login.directory.lookups")
        .description("Login directory lookups in Redis, by result")
        .tag("result", result)
        .register(metrics);
  }

  public Optional<CandidateDirectory.Candidate> find(String rollNumber) {
    Map<String, String> fields;
    try {
      fields = redis.hgetAll(RollNumberKeys.directory(rollNumber));
      // A tombstone (1 field) or an entry a fill raced into a tombstone (6) is a miss.
    } catch (JedisException e) {
      errors.increment();
      return Optional.empty();
    }
    Optional<CandidateDirectory.Candidate> found = decode(fields);
    (found.isPresent() ? hits : misses).increment();
    return found;
  }

  public void put(String rollNumber, CandidateDirectory.Candidate candidate, Timestamp readAt) {
    putAll(Map.of(rollNumber, candidate), readAt);
  }

  /**
   * Writes the entries that are not there yet, in one pipeline ({@code readAt}: their snapshot).
   */
  public void putAll(Map<String, CandidateDirectory.Candidate> byRollNumber, Timestamp readAt) {
    String readMicros = Long.toString(micros(readAt));
    List<List<String>> keys = new ArrayList<>(byRollNumber.size());
    List<List<String>> args = new ArrayList<>(byRollNumber.size());
    byRollNumber.forEach(
        (roll, candidate) -> {
          keys.add(List.of(RollNumberKeys.directory(roll)));
          List<String> values = new ArrayList<>(11);
          values.add(ttlSeconds);
          values.add(readMicros);
          encode(candidate)
              .forEach(
                  (field, value) -> {
                    values.add(field);
                    values.add(value);
                  });
          args.add(values);
        });
    try {
      put.runAll(keys, args);
    } catch (JedisException e) {
      LOG.warnf("login directory not cached: %s", e.getClass().getSimpleName());
    }
  }

  /**
   * Before an import's transaction: tombstones that no fill may replace. Unlike fills this must not
   * be skipped silently (a stale entry would keep an old access code working), so a Redis failure
   * here fails the caller.
   */
  public void forgetPending(Collection<String> rollNumbers) {
    tombstones(rollNumbers, PENDING);
  }

  /** After the import committed: tombstones that fills read after {@code committedAt} replace. */
  public void forgotAt(Collection<String> rollNumbers, Timestamp committedAt) {
    tombstones(rollNumbers, Long.toString(micros(committedAt)));
  }

  /** One script per entry, all in one pipeline; any entry Redis refused fails the caller. */
  private void tombstones(Collection<String> rollNumbers, String value) {
    List<List<String>> keys = new ArrayList<>(rollNumbers.size());
    List<List<String>> args = new ArrayList<>(rollNumbers.size());
    List<String> tombstone = List.of(value, Long.toString(TOMBSTONE_SECONDS));
    for (String roll : rollNumbers) {
      keys.add(List.of(RollNumberKeys.directory(roll)));
      args.add(tombstone);
    }
    forget.runAll(keys, args);
  }

  private static long micros(Timestamp at) {
    return at.getSeconds() * 1_000_000L + at.getNanos() / 1_000;
  }

  private static Map<String, String> encode(CandidateDirectory.Candidate c) {
    return Map.of(
        "c", c.candidateId(),
        "e", c.examId(),
        "h", c.credentialHash(),
        "x", Long.toString(c.extraTimeSeconds()),
        "s", c.sessionId());
  }

  private static Optional<CandidateDirectory.Candidate> decode(Map<String, String> f) {
    if (f == null || f.size() != 5) {
      return Optional.empty();
    }
    return Optional.of(
        new CandidateDirectory.Candidate(
            f.get("c"), f.get("e"), f.get("h"), Long.parseLong(f.get("x")), f.get("s")));
  }
}
