package io.examday.session.proctor;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.session.domain.ExamFacts;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionRules;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.spanner.Timestamps;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What proctors monitor: sessions of an exam and the audit log ({@link AnsweredCounts} apart). */
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
  private static final String AUDIT =
      "SELECT OccurredAt, Actor, Action, SessionId, Reason, Details"
          + " FROM AuditLog@{FORCE_INDEX=AuditLogByTime} WHERE ExamId = @exam"
          + " ORDER BY OccurredAt DESC LIMIT @limit";

  private final DatabaseClient db;
  private final ExamCatalog exams;
  private final Clock clock;

  public ProctorQueries(DatabaseClient db, ExamCatalog exams, Clock clock) {
    this.db = db;
    this.exams = exams;
    this.clock = clock;
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
