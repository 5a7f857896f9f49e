package io.examday.session.proctor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ReadOnlyTransaction;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.hotstate.AnsweredCounters;
import io.examday.session.spanner.Timestamps;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-question counts of sessions with a durable answer: Redis counters, cached briefly (by the
 * injected clock). Counters Redis lost are seeded again from Spanner, never counted from zero.
 */
@Singleton
public class AnsweredCounts {

  private static final String FROM_RECORD =
      "SELECT a.QuestionId, COUNT(DISTINCT a.SessionId) AS N FROM Sessions s"
          + " JOIN AnswerEvents a ON a.SessionId = s.SessionId WHERE s.ExamId = @exam"
          + " GROUP BY a.QuestionId";

  private final DatabaseClient db;
  private final ExamCatalog exams;
  private final AnsweredCounters counters;
  private final Cache<String, Map<String, Long>> cache;

  public AnsweredCounts(
      DatabaseClient db,
      ExamCatalog exams,
      AnsweredCounters counters,
      Clock clock,
      ExamSessionConfig config) {
    this.db = db;
    this.exams = exams;
    this.counters = counters;
    this.cache =
        Caffeine.newBuilder()
            .ticker(() -> nanos(clock.instant()))
            .expireAfterWrite(config.exams().answeredCountsTtl())
            .maximumSize(1000)
            .build();
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  public Map<String, Long> get(String examId) {
    exams.get(examId);
    return cache.get(examId, this::load);
  }

  private Map<String, Long> load(String examId) {
    return counters.read(examId).orElseGet(() -> seed(examId));
  }

  /** Claim first, then read: every commit after the claim reaches the seed one way or the other. */
  private Map<String, Long> seed(String examId) {
    Optional<String> claim = counters.claimSeeding(examId);
    Snapshot record = fromRecord(examId);
    return claim
        .flatMap(token -> counters.seed(examId, token, record.counts(), record.readAt()))
        .orElse(record.counts());
  }

  private record Snapshot(Map<String, Long> counts, Instant readAt) {}

  private Snapshot fromRecord(String examId) {
    Map<String, Long> counts = new HashMap<>();
    try (ReadOnlyTransaction read = db.singleUseReadOnlyTransaction();
        ResultSet r =
            read.executeQuery(Statement.newBuilder(FROM_RECORD).bind("exam").to(examId).build())) {
      while (r.next()) {
        counts.put(r.getString("QuestionId"), r.getLong("N"));
      }
      return new Snapshot(counts, Timestamps.instant(read.getReadTimestamp()));
    }
  }
}
