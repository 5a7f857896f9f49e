package io.examday.session.hotstate;

import io.examday.session.config.ExamSessionConfig;
import io.examday.session.infra.RedisScript;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Per exam, how many sessions have a durable answer to each question, as Redis counters that are
 * valid only once seeded from Spanner (a flushed or failed-over Redis must not count from zero).
 * Seeding: a pod claims it, reads Spanner, and the seed adds the commits made after that read,
 * which the counters kept aside meanwhile (docs/decisions.md).
 */
@Singleton
public class AnsweredCounters {

  private static final String SEEDED = "~seeded";
  private final UnifiedJedis redis;
  private final long claimMillis;
  private final RedisScript add;
  private final RedisScript seed;

  public AnsweredCounters(UnifiedJedis redis, Tracer tracer, ExamSessionConfig config) {
    this.redis = redis;
    this.claimMillis = config.exams().answeredCountsSeedTimeout().toMillis();
    this.add = new RedisScript(redis, tracer, "answered-add");
    this.seed = new RedisScript(redis, tracer, "answered-seed");
  }

  /** The counters, the seeding claim and the commits kept aside: one hash tag, one slot. */
  private static List<String> keys(String examId) {
    return List.of(countersKey(examId), claimKey(examId), "eca:{" + examId + "}");
  }

  private static String countersKey(String examId) {
    return "ec:{" + examId + "}";
  }

  private static String claimKey(String examId) {
    return "ecs:{" + examId + "}";
  }

  /** The counters, if seeded. */
  public Optional<Map<String, Long>> read(String examId) {
    return counts(redis.hgetAll(countersKey(examId)));
  }

  /** Adds the first-time answers (per exam, per question) of one commit, in one round trip. */
  public void add(Map<String, Map<String, Long>> byExam, Instant committedAt) {
    if (byExam.isEmpty()) {
      return;
    }
    List<List<String>> keys = new ArrayList<>();
    List<List<String>> args = new ArrayList<>();
    String at = Long.toString(HotStateStore.micros(committedAt));
    byExam.forEach(
        (examId, byQuestion) -> {
          keys.add(keys(examId));
          args.add(withCounts(List.of(at), byQuestion));
        });
    add.runAll(keys, args);
  }

  /**
   * Claims the seeding of an exam's counters; empty if another pod holds the claim. Read Spanner
   * only after claiming: commits from then on are kept aside for the seed.
   */
  public Optional<String> claimSeeding(String examId) {
    String token = UUID.randomUUID().toString();
    String ok = redis.set(claimKey(examId), token, SetParams.setParams().nx().px(claimMillis));
    return "OK".equals(ok) ? Optional.of(token) : Optional.empty();
  }

  /**
   * Seeds the counters with what Spanner held at {@code readAt}; empty (nothing written) if the
   * claim was lost or another pod seeded first.
   */
  public Optional<Map<String, Long>> seed(
      String examId, String claim, Map<String, Long> snapshot, Instant readAt) {
    List<String> args =
        withCounts(List.of(claim, Long.toString(HotStateStore.micros(readAt))), snapshot);
    Object reply = seed.run(keys(examId), args);
    return reply == null ? Optional.empty() : counts(pairs(reply));
  }

  private static List<String> withCounts(List<String> head, Map<String, Long> counts) {
    List<String> args = new ArrayList<>(head);
    counts.forEach(
        (questionId, n) -> {
          args.add(questionId);
          args.add(Long.toString(n));
        });
    return args;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> pairs(Object reply) {
    List<String> flat = (List<String>) reply;
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      fields.put(flat.get(i), flat.get(i + 1));
    }
    return fields;
  }

  private static Optional<Map<String, Long>> counts(Map<String, String> fields) {
    if (!fields.containsKey(SEEDED)) {
      return Optional.empty();
    }
    Map<String, Long> counts = new HashMap<>();
    fields.forEach(
        (field, n) -> {
          if (!SEEDED.equals(field)) {
            counts.put(field, Long.parseLong(n));
          }
        });
    return Optional.of(counts);
  }
}
