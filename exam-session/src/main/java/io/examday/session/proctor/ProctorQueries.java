package io.examday.session.proctor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.domain.ExamFacts;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionRules;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.hotstate.HotStateStore;
import io.examday.session.spanner.Timestamps;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What proctors monitor: sessions of an exam, answered counts, the audit log. */
@Singleton
public class ProctorQueries {

  static final int PAGE = 100;
  private static final String SESSIONS =
      "SELECT s.SessionId, s.CandidateId, s.ExamId, s.Status, s.ExtraSeconds, s.PausedSeconds,"
          + " s.PausedAt, s.SubmittedAt, c.ExtraTimeSeconds, c.RollNumber,"
          + " (SELECT COUNT(DISTINCT a.QuestionId) FROM AnswerEvents a"
          + "   WHERE a.SessionId = s.SessionId) AS Answered,"
          + " (SELECT MAX(a.CommittedAt) FROM AnswerEvents a WHERE a.SessionId = s.SessionId)"
          + "   AS LastSave"
          + " FROM Sessions@{FORCE_INDEX=SessionsByExam} s"
          + " JOIN Candidates c ON c.CandidateId = s.CandidateId"
          + " WHERE s.ExamId = @exam AND s.SessionId > @after AND (@status = '' OR s.Status = @status)"
          + " ORDER BY s.SessionId LIMIT @limit";
  private static final String COUNTS_FROM_RECORD =
      "SELECT a.QuestionId, COUNT(DISTINCT a.SessionId) AS N FROM Sessions s"
          + " JOIN AnswerEvents a ON a.SessionId = s.SessionId WHERE s.ExamId = @exam"
          + " GROUP BY a.QuestionId";
  private static final String AUDIT =
      "SELECT OccurredAt, Actor, Action, SessionId, Reason, Details"
          + " FROM AuditLog@{FORCE_INDEX=AuditLogByTime} WHERE ExamId = @exam"
          + " ORDER BY OccurredAt DESC LIMIT @limit";

  private final DatabaseClient db;
  private final ExamCatalog exams;
  private final HotStateStore hot;
  private final Clock clock;
  private final Cache<String, Map<String, Long>> counts;

  public ProctorQueries(
      DatabaseClient db,
      ExamCatalog exams,
      HotStateStore hot,
      Clock clock,
      ExamSessionConfig config) {
    this.db = db;
    this.exams = exams;
    this.hot = hot;
    this.clock = clock;
    this.counts =
        Caffeine.newBuilder()
            .expireAfterWrite(config.exams().answeredCountsTtl())
            .maximumSize(1000)
            .build();
  }

  public ProctorViews.SessionPage sessions(String examId, String status, String pageToken) {
    ExamFacts exam = exams.get(examId);
    Instant now = clock.instant();
    Statement query =
        Statement.newBuilder(SESSIONS)
            .bind("exam")
            .to(examId)
            .bind("after")
            .to(pageToken == null ? "" : pageToken)
            .bind("status")
            .to(status == null ? "" : status)
            .bind("limit")
            .to(PAGE)
            .build();
    List<ProctorViews.SessionRow> rows = new ArrayList<>();
    try (ResultSet r = db.singleUse().executeQuery(query)) {
      while (r.next()) {
        SessionFacts facts =
            new SessionFacts(
                r.getString("SessionId"),
                r.getString("CandidateId"),
                r.getString("ExamId"),
                io.examday.session.domain.SessionStatus.valueOf(r.getString("Status")),
                Duration.ofSeconds(r.getLong("ExtraTimeSeconds")),
                Duration.ofSeconds(r.getLong("ExtraSeconds")),
                Duration.ofSeconds(r.getLong("PausedSeconds")),
                Timestamps.optional(r, "PausedAt"),
                Timestamps.optional(r, "SubmittedAt"));
        var inputs = facts.deadlineInputs(exam);
        rows.add(
            new ProctorViews.SessionRow(
                facts.sessionId(),
                facts.candidateId(),
                r.getString("RollNumber"),
                SessionRules.visibleStatus(facts, exam).name(),
                inputs.deadline(now).orElse(null),
                inputs.remaining(now).map(Duration::toSeconds).orElse(null),
                Timestamps.optional(r, "LastSave").orElse(null),
                r.getLong("Answered")));
      }
    }
    String next = rows.size() == PAGE ? rows.get(rows.size() - 1).sessionId() : null;
    return new ProctorViews.SessionPage(rows, next);
  }

  /** Per-question counts of sessions with a durable answer: Redis counters, cached briefly. */
  public Map<String, Long> answeredCounts(String examId) {
    exams.get(examId);
    return counts.get(examId, this::loadCounts);
  }

  private Map<String, Long> loadCounts(String examId) {
    Map<String, Long> fromRedis = hot.answeredCounts(examId);
    if (!fromRedis.isEmpty()) {
      return fromRedis;
    }
    Map<String, Long> fromRecord = new HashMap<>();
    try (ResultSet r =
        db.singleUse()
            .executeQuery(
                Statement.newBuilder(COUNTS_FROM_RECORD).bind("exam").to(examId).build())) {
      while (r.next()) {
        fromRecord.put(r.getString("QuestionId"), r.getLong("N"));
      }
    }
    hot.seedAnsweredCounts(examId, fromRecord);
    return fromRecord;
  }

  public List<ProctorViews.AuditRow> audit(String examId) {
    exams.get(examId);
    List<ProctorViews.AuditRow> rows = new ArrayList<>();
    try (ResultSet r =
        db.singleUse()
            .executeQuery(
                Statement.newBuilder(AUDIT)
                    .bind("exam")
                    .to(examId)
                    .bind("limit")
                    .to(500)
                    .build())) {
      while (r.next()) {
        rows.add(
            new ProctorViews.AuditRow(
                Timestamps.instant(r.getTimestamp("OccurredAt")),
                r.getString("Actor"),
                r.getString("Action"),
                r.isNull("SessionId") ? null : r.getString("SessionId"),
                r.isNull("Reason") ? null : r.getString("Reason"),
                r.isNull("Details") ? null : r.getString("Details")));
      }
    }
    return rows;
  }
}
