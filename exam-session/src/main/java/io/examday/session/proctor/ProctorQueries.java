package io.examday.session.proctor;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.common.error.ExamdayException;
import io.examday.session.domain.ExamFacts;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionRules;
import io.examday.session.domain.SessionStatus;
import io.examday.session.error.SessionError;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.spanner.Timestamps;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What proctors monitor: sessions of an exam and the audit log ({@link AnsweredCounts} apart). */
@Singleton
public class ProctorQueries {

  static final int PAGE = 100;

  /** The statuses stored in Sessions, which a list can be filtered by. */
  static final Set<SessionStatus> FILTERS =
      EnumSet.of(SessionStatus.ACTIVE, SessionStatus.PAUSED, SessionStatus.SUBMITTED);

  // A page is cut from an index in SessionId order (seek, then LIMIT) before anything is joined
  // to it, so a page costs its 100 rows whatever the exam's size: SessionsByExam (ExamId, Status)
  // is in SessionId order within one status, SessionsByExamOrder (ExamId) within the exam.
  private static final String PAGE_COLUMNS =
      "SELECT p.SessionId, p.CandidateId, p.Status, p.ExtraSeconds, p.PausedSeconds, p.PausedAt,"
          + " p.SubmittedAt, c.ExtraTimeSeconds, c.RollNumber FROM (SELECT SessionId, CandidateId,"
          + " Status, ExtraSeconds, PausedSeconds, PausedAt, SubmittedAt FROM ";
  private static final String PAGE_END =
      " AND SessionId > @after ORDER BY SessionId LIMIT @limit) p"
          + " JOIN Candidates c ON c.CandidateId = p.CandidateId ORDER BY p.SessionId";
  private static final String PAGE_BY_STATUS =
      PAGE_COLUMNS
          + "Sessions@{FORCE_INDEX=SessionsByExam} WHERE ExamId = @exam AND Status = @status"
          + PAGE_END;
  private static final String PAGE_ALL =
      PAGE_COLUMNS + "Sessions@{FORCE_INDEX=SessionsByExamOrder} WHERE ExamId = @exam" + PAGE_END;
  private static final String AUDIT =
      "SELECT OccurredAt, Actor, Action, SessionId, Reason, Details"
          + " FROM AuditLog@{FORCE_INDEX=AuditLogByTime} WHERE ExamId = @exam"
          + " ORDER BY OccurredAt DESC LIMIT @limit";

  private final DatabaseClient db;
  private final AnswerSummaries answers;
  private final ExamCatalog exams;
  private final Clock clock;

  ProctorQueries(DatabaseClient db, AnswerSummaries answers, ExamCatalog exams, Clock clock) {
    this.db = db;
    this.answers = answers;
    this.exams = exams;
    this.clock = clock;
  }

  public ProctorViews.SessionPage sessions(String examId, String status, String pageToken) {
    ExamFacts exam = exams.get(examId);
    Optional<SessionStatus> filter = filter(status);
    Statement.Builder query = Statement.newBuilder(filter.isPresent() ? PAGE_BY_STATUS : PAGE_ALL);
    filter.ifPresent(f -> query.bind("status").to(f.name()));
    query
        .bind("exam")
        .to(examId)
        .bind("after")
        .to(pageToken == null ? "" : pageToken)
        .bind("limit")
        .to(PAGE);
    List<Listed> page = new ArrayList<>();
    try (ResultSet r = db.singleUse().executeQuery(query.build())) {
      while (r.next()) {
        page.add(
            new Listed(
                new SessionFacts(
                    r.getString("SessionId"),
                    r.getString("CandidateId"),
                    examId,
                    SessionStatus.valueOf(r.getString("Status")),
                    Duration.ofSeconds(r.getLong("ExtraTimeSeconds")),
                    Duration.ofSeconds(r.getLong("ExtraSeconds")),
                    Duration.ofSeconds(r.getLong("PausedSeconds")),
                    Timestamps.optional(r, "PausedAt"),
                    Timestamps.optional(r, "SubmittedAt")),
                r.getString("RollNumber")));
      }
    }
    Map<String, AnswerSummaries.Summary> progress =
        answers.of(page.stream().map(listed -> listed.facts().sessionId()).toList());
    Instant now = clock.instant();
    List<ProctorViews.SessionRow> rows = new ArrayList<>();
    for (Listed listed : page) {
      SessionFacts facts = listed.facts();
      var inputs = facts.deadlineInputs(exam);
      var summary = progress.getOrDefault(facts.sessionId(), AnswerSummaries.Summary.NONE);
      rows.add(
          new ProctorViews.SessionRow(
              facts.sessionId(),
              facts.candidateId(),
              listed.rollNumber(),
              SessionRules.visibleStatus(facts, exam).name(),
              inputs.deadline(now).orElse(null),
              inputs.remaining(now).map(Duration::toSeconds).orElse(null),
              summary.lastSave(),
              summary.answered()));
    }
    String next = rows.size() == PAGE ? rows.get(rows.size() - 1).sessionId() : null;
    return new ProctorViews.SessionPage(rows, next);
  }

  /** No filter for an absent or blank status; a stored status by name; anything else is a 400. */
  static Optional<SessionStatus> filter(String status) {
    if (status == null || status.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        FILTERS.stream()
            .filter(f -> f.name().equals(status))
            .findFirst()
            .orElseThrow(
                () ->
                    new ExamdayException(
                        SessionError.MALFORMED_REQUEST,
                        "status must be ACTIVE, PAUSED or SUBMITTED (or left out for every"
                            + " session).")));
  }

  /** A listed session and its candidate's roll number, from the page's one query. */
  private record Listed(SessionFacts facts, String rollNumber) {}

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
