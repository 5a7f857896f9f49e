package io.examday.session.exam;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.common.error.ExamdayException;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.domain.ExamFacts;
import io.examday.session.error.SessionError;
import io.examday.session.spanner.Timestamps;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;

/**
 * Exams as exam-session needs them, cached: a released exam for a long time, an exam not yet
 * released for {@code examday.exams.unreleased-refresh}, so a release is seen within that time
 * without a Spanner read per request.
 */
@Singleton
public class ExamCatalog {

  private static final Duration RELEASED_TTL = Duration.ofMinutes(10);
  private static final String QUERY =
      "SELECT e.ScheduledStart, e.DurationSeconds, e.GraceSeconds, r.ReleasedAt,"
          + " ARRAY(SELECT q.QuestionId FROM Questions q WHERE q.ExamId = e.ExamId) AS Qs"
          + " FROM Exams e LEFT JOIN ExamReleases r ON r.ExamId = e.ExamId"
          + " WHERE e.ExamId = @examId";

  private final DatabaseClient db;
  private final Cache<String, ExamFacts> cache;

  public ExamCatalog(DatabaseClient db, ExamSessionConfig config) {
    this.db = db;
    Duration unreleasedTtl = config.exams().unreleasedRefresh();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .executor(Runnable::run) // upkeep on the caller: see ActiveSessions
            .expireAfter(
                new Expiry<String, ExamFacts>() {
                  @Override
                  public long expireAfterCreate(String key, ExamFacts exam, long now) {
                    return (exam.releasedAt().isPresent() ? RELEASED_TTL : unreleasedTtl).toNanos();
                  }

                  @Override
                  public long expireAfterUpdate(
                      String key, ExamFacts exam, long now, long currentDuration) {
                    return expireAfterCreate(key, exam, now);
                  }

                  @Override
                  public long expireAfterRead(
                      String key, ExamFacts exam, long now, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
  }

  /** The exam, or UNKNOWN_EXAM. */
  public ExamFacts get(String examId) {
    ExamFacts exam = cache.get(examId, this::load);
    if (exam == null) {
      throw new ExamdayException(SessionError.UNKNOWN_EXAM, "No exam with id " + examId + ".");
    }
    return exam;
  }

  /** The exam if it is cached: never reads Spanner, so it can be called on an I/O thread. */
  public Optional<ExamFacts> cached(String examId) {
    return Optional.ofNullable(cache.getIfPresent(examId));
  }

  public Optional<ExamFacts> find(String examId) {
    return Optional.ofNullable(cache.get(examId, this::load));
  }

  public void forget(String examId) {
    cache.invalidate(examId);
  }

  private ExamFacts load(String examId) {
    try (ResultSet row =
        db.singleUse()
            .executeQuery(Statement.newBuilder(QUERY).bind("examId").to(examId).build())) {
      if (!row.next()) {
        return null;
      }
      Instant start = Timestamps.instant(row.getTimestamp("ScheduledStart"));
      return new ExamFacts(
          examId,
          start,
          Duration.ofSeconds(row.getLong("DurationSeconds")),
          Duration.ofSeconds(row.getLong("GraceSeconds")),
          new HashSet<>(row.getStringList("Qs")),
          Timestamps.optional(row, "ReleasedAt"));
    }
  }
}
