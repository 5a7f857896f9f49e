package io.examday.session.hotstate;

import io.examday.session.config.ExamSessionConfig;
import io.examday.session.domain.SaveVerdict;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionStatus;
import io.examday.session.infra.PipelinedScript;
import io.examday.session.infra.RedisCalls;
import io.examday.session.infra.RedisScript;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * Sessions' hot state in Redis: status and deadline inputs, and per question the newest accepted
 * sequence with its digest and, once known, its Spanner commit time. Spanner is the record: this
 * store only ever mirrors it or runs ahead of it with not-yet-durable entries, and everything in it
 * can be rebuilt from Spanner ({@link #load}). A session's two keys share a hash tag, so the
 * scripts stay atomic on a Redis cluster too.
 */
@Singleton
public class HotStateStore {

  private static final String NONE = "-";
  private final UnifiedJedis redis;
  private final Tracer tracer;
  private final String ttlSeconds;
  private final RedisScript accept;
  private final PipelinedScript acceptPipeline;
  private final RedisScript durable;
  private final RedisScript load;
  private final RedisScript beginSubmit;
  private final RedisScript updateHeld;
  private final AnsweredCounters counters;

  public HotStateStore(
      UnifiedJedis redis,
      Tracer tracer,
      ExamSessionConfig config,
      MeterRegistry metrics,
      AnsweredCounters counters) {
    this.redis = redis;
    this.counters = counters;
    this.tracer = tracer;
    this.ttlSeconds = Long.toString(config.redis().hotStateTtl().toSeconds());
    this.accept = new RedisScript(redis, tracer, "accept");
    DistributionSummary pipelineSizes =
        DistributionSummary.builder("examday.redis.accept.pipeline.calls")
            .description("Autosaves' hot-state checks sent to Redis in one pipeline")
            .publishPercentileHistogram()
            .register(metrics);
    this.acceptPipeline =
        new PipelinedScript(
            accept,
            "accept",
            config.redis().pipelineSenders(),
            config.redis().pipelineMaxCalls(),
            pipelineSizes::record);
    this.durable = new RedisScript(redis, tracer, "durable");
    this.load = new RedisScript(redis, tracer, "load");
    this.beginSubmit = new RedisScript(redis, tracer, "begin-submit");
    this.updateHeld = new RedisScript(redis, tracer, "update-held");
  }

  static String sessionKey(String sessionId) {
    return "es:{" + sessionId + "}";
  }

  static String answersKey(String sessionId) {
    return "ea:{" + sessionId + "}";
  }

  public Optional<SessionFacts> facts(String sessionId) {
    Map<String, String> fields =
        traced("redis HGETALL", () -> redis.hgetAll(sessionKey(sessionId)));
    return fields.isEmpty() ? Optional.empty() : Optional.of(decode(sessionId, fields));
  }

  /** Rebuilds a session from the record; no-op if another request already did. */
  public void load(SessionFacts facts, List<DurableAnswer> latest) {
    load.run(loadKeys(facts), loadArgs(facts, latest));
  }

  /**
   * Loads sessions that have no answers yet (the warm-up before the release), in one pipeline; each
   * is a no-op if the session is already there.
   */
  public void loadAll(List<SessionFacts> sessions) {
    loadAll(sessions, Map.of());
  }

  /**
   * Loads sessions with their newest durable answers ({@code latest} by session id; none if
   * absent), in one pipeline; each is a no-op if the session is already there. A batched rebuild.
   */
  public void loadAll(List<SessionFacts> sessions, Map<String, List<DurableAnswer>> latest) {
    load.runAll(
        sessions.stream().map(HotStateStore::loadKeys).toList(),
        sessions.stream()
            .map(f -> loadArgs(f, latest.getOrDefault(f.sessionId(), List.of())))
            .toList());
  }

  private static List<String> loadKeys(SessionFacts facts) {
    return List.of(sessionKey(facts.sessionId()), answersKey(facts.sessionId()));
  }

  private List<String> loadArgs(SessionFacts facts, List<DurableAnswer> latest) {
    List<String> args = new ArrayList<>();
    args.add(ttlSeconds);
    Map<String, String> fields = encode(facts);
    args.add(Integer.toString(fields.size()));
    fields.forEach(
        (field, value) -> {
          args.add(field);
          args.add(value);
        });
    for (DurableAnswer answer : latest) {
      args.add(answer.item().questionId());
      args.add(Long.toString(answer.item().seq()));
      args.add(answer.item().sha256Hex());
      args.add(Long.toString(micros(answer.committedAt())));
    }
    return args;
  }

  /**
   * Mirrors a state change already committed in Spanner, if Redis still holds the session (else its
   * next request loads it whole, change included).
   */
  public void mirror(SessionFacts facts) {
    updateHeld(facts.sessionId(), encode(facts));
  }

  /**
   * Checks the session accepts answers and classifies them, in one round trip.
   *
   * @param overrun how far {@code now} is past the exam's "release + duration + grace" (negative
   *     while there is time left before any extra time counts)
   */
  public Verdicts accept(String sessionId, List<AnswerItem> items, Duration overrun) {
    return verdicts(
        sessionId,
        accept.run(
            List.of(sessionKey(sessionId), answersKey(sessionId)), acceptArgs(items, overrun)));
  }

  /**
   * As {@link #accept}, sent in a pipeline shared with other saves (no thread waits for the round
   * trip). The future completes on the pipeline's sender thread: chain nothing that blocks.
   */
  public CompletableFuture<Verdicts> acceptPipelined(
      String sessionId, List<AnswerItem> items, Duration overrun) {
    Span span =
        Span.current().isRecording()
            ? tracer
                .spanBuilder("redis EVALSHA accept (pipelined)")
                .setAttribute("db.system", "redis")
                .startSpan()
            : null;
    CompletableFuture<Object> reply =
        acceptPipeline.submit(
            List.of(sessionKey(sessionId), answersKey(sessionId)), acceptArgs(items, overrun));
    if (span != null) {
      reply.whenComplete((ignored, error) -> span.end());
    }
    return reply.thenApply(raw -> verdicts(sessionId, raw));
  }

  private List<String> acceptArgs(List<AnswerItem> items, Duration overrun) {
    List<String> args = new ArrayList<>(3 + items.size() * 3);
    args.add(ttlSeconds);
    args.add(Integer.toString(items.size()));
    args.add(Long.toString(overrun.toNanos() / 1_000));
    for (AnswerItem item : items) {
      args.add(item.questionId());
      args.add(Long.toString(item.seq()));
      args.add(item.sha256Hex());
    }
    return args;
  }

  @SuppressWarnings("unchecked")
  private static Verdicts verdicts(String sessionId, Object raw) {
    List<String> reply = (List<String>) raw;
    return switch (reply.get(0)) {
      case "MISSING" -> Verdicts.missing();
      case "BLOCKED" -> Verdicts.blocked(decode(sessionId, pairs(reply.subList(1, reply.size()))));
      default -> verdicts(reply.subList(1, reply.size()));
    };
  }

  @PreDestroy
  void close() {
    acceptPipeline.close();
  }

  private static Map<String, String> pairs(List<String> flat) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      fields.put(flat.get(i), flat.get(i + 1));
    }
    return fields;
  }

  /**
   * Records that one commit made these saves durable, for all of them in one pipelined round trip
   * (plus one for the exam-wide {@link AnsweredCounters} of first-time questions).
   */
  public void markDurable(List<CommittedSave> saves, Instant committedAt) {
    if (saves.isEmpty()) {
      return;
    }
    String at = Long.toString(micros(committedAt));
    traced(
        "redis EVALSHA durable (pipelined)",
        () -> {
          List<Object> firstTime =
              durable.runAll(
                  saves.stream().map(save -> List.of(answersKey(save.sessionId()))).toList(),
                  saves.stream().map(save -> durableArgs(save, at)).toList());
          Map<String, Map<String, Long>> counts = new HashMap<>();
          for (int i = 0; i < saves.size(); i++) {
            for (String questionId : questionIds(firstTime.get(i))) {
              counts
                  .computeIfAbsent(saves.get(i).examId(), e -> new HashMap<>())
                  .merge(questionId, 1L, Long::sum);
            }
          }
          counters.add(counts, committedAt);
          return null;
        });
  }

  @SuppressWarnings("unchecked")
  private static List<String> questionIds(Object durableReply) {
    return (List<String>) durableReply;
  }

  private List<String> durableArgs(CommittedSave save, String at) {
    List<String> args = new ArrayList<>(2 + save.answers().size() * 4);
    args.add(ttlSeconds);
    args.add(Integer.toString(save.answers().size()));
    for (AnswerItem item : save.answers()) {
      args.add(item.questionId());
      args.add(Long.toString(item.seq()));
      args.add(item.sha256Hex());
      args.add(at);
    }
    return args;
  }

  /**
   * The outcome of starting a submit.
   *
   * @param before the status before, empty if Redis had no hot state
   * @param submittedAt the submit time in force (the first caller's)
   */
  public record SubmitStart(Optional<SessionStatus> before, Instant submittedAt) {}

  /** Stops saves for a session being submitted; the first caller's submit time wins. */
  public SubmitStart beginSubmit(String sessionId, Instant proposedAt) {
    @SuppressWarnings("unchecked")
    List<String> reply =
        (List<String>)
            beginSubmit.run(
                List.of(sessionKey(sessionId)), List.of(Long.toString(micros(proposedAt))));
    Optional<SessionStatus> before =
        "MISSING".equals(reply.get(0))
            ? Optional.empty()
            : Optional.of(SessionStatus.valueOf(reply.get(0)));
    Instant at = optionalInstant(reply.get(1)).orElse(proposedAt);
    return new SubmitStart(before, at);
  }

  /** Undoes {@link #beginSubmit} after the submit failed, if Redis still holds the session. */
  public void restoreStatus(String sessionId, SessionStatus status) {
    updateHeld(sessionId, Map.of("st", status.name(), "sat", NONE));
  }

  /** Writes fields of a session Redis holds (one script: never a partial session). */
  private void updateHeld(String sessionId, Map<String, String> fields) {
    List<String> args = new ArrayList<>(1 + 2 * fields.size());
    args.add(ttlSeconds);
    fields.forEach(
        (field, value) -> {
          args.add(field);
          args.add(value);
        });
    updateHeld.run(List.of(sessionKey(sessionId)), args);
  }

  private static Verdicts verdicts(List<String> raw) {
    List<SaveVerdict> verdicts = new ArrayList<>(raw.size());
    List<Instant> savedAt = new ArrayList<>(raw.size());
    for (String verdict : raw) {
      if (verdict.startsWith("ALREADY_SAVED:")) {
        verdicts.add(SaveVerdict.ALREADY_SAVED);
        savedAt.add(fromMicros(Long.parseLong(verdict.substring("ALREADY_SAVED:".length()))));
      } else {
        verdicts.add(SaveVerdict.valueOf(verdict));
        savedAt.add(null);
      }
    }
    return new Verdicts(false, Optional.empty(), verdicts, savedAt);
  }

  private static Map<String, String> encode(SessionFacts facts) {
    Map<String, String> fields = new HashMap<>();
    fields.put("st", facts.status().name());
    fields.put("cid", facts.candidateId());
    fields.put("exam", facts.examId());
    fields.put("xt", Long.toString(facts.candidateExtra().toSeconds()));
    fields.put("sx", Long.toString(facts.sessionExtra().toSeconds()));
    fields.put("ps", Long.toString(facts.completedPauses().toSeconds()));
    fields.put("pa", facts.pausedAt().map(t -> Long.toString(micros(t))).orElse(NONE));
    fields.put("sat", facts.submittedAt().map(t -> Long.toString(micros(t))).orElse(NONE));
    return fields;
  }

  private static SessionFacts decode(String sessionId, Map<String, String> f) {
    return new SessionFacts(
        sessionId,
        f.get("cid"),
        f.get("exam"),
        SessionStatus.valueOf(f.get("st")),
        Duration.ofSeconds(Long.parseLong(f.get("xt"))),
        Duration.ofSeconds(Long.parseLong(f.get("sx"))),
        Duration.ofSeconds(Long.parseLong(f.get("ps"))),
        optionalInstant(f.get("pa")),
        optionalInstant(f.get("sat")));
  }

  private static Optional<Instant> optionalInstant(String value) {
    return value == null || value.isEmpty() || NONE.equals(value)
        ? Optional.empty()
        : Optional.of(fromMicros(Long.parseLong(value)));
  }

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
  }

  /** A span per Redis call, when the request's trace is sampled; otherwise just the call. */
  private <T> T traced(String name, Supplier<T> call) {
    return RedisCalls.traced(tracer, name, call);
  }
}
