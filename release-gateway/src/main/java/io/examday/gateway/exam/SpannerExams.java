package io.examday.gateway.exam;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ErrorCode;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.KeySet;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.SpannerException;
import com.google.cloud.spanner.Statement;
import com.google.cloud.spanner.Struct;
import com.google.cloud.spanner.TransactionRunner;
import com.google.cloud.spanner.Value;
import io.examday.common.error.ExamdayException;
import io.examday.common.spanner.AuditRows;
import io.examday.gateway.error.GatewayError;
import io.examday.gateway.live.ExamSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's Spanner access: exams, papers, releases and their audit rows. */
public final class SpannerExams implements ExamSource {

  private static final String EXAM_QUERY =
      "SELECT e.ExamId, e.ScheduledStart, e.DurationSeconds, p.PaperDigest, r.ReleasedAt,"
          + " r.ReleasedBy, r.Override, r.PaperDigest AS ReleasedDigest FROM Exams e"
          + " LEFT JOIN Papers p ON p.ExamId = e.ExamId"
          + " LEFT JOIN ExamReleases r ON r.ExamId = e.ExamId WHERE e.ExamId = @examId";
  private static final String RELEASES_QUERY =
      "SELECT ExamId, ReleasedAt, ReleasedBy, Override, PaperDigest FROM ExamReleases"
          + " WHERE ExamId IN UNNEST(@examIds)";
  private static final String PAPERS_QUERY =
      "SELECT ExamId, PaperDigest FROM Papers WHERE ExamId IN UNNEST(@examIds)";
  private static final List<String> RELEASE_COLUMNS =
      List.of("ExamId", "ReleasedAt", "ReleasedBy", "Override", "PaperDigest");
  private static final List<String> SESSION_COLUMNS =
      List.of("SessionId", "Status", "ExtraSeconds", "PausedSeconds", "PausedAt", "UpdatedAt");

  private final DatabaseClient client;

  public SpannerExams(DatabaseClient client) {
    this.client = client;
  }

  @Override
  public ExamInfo load(String examId) {
    try (ResultSet rows =
        client
            .singleUse()
            .executeQuery(Statement.newBuilder(EXAM_QUERY).bind("examId").to(examId).build())) {
      if (!rows.next()) {
        throw new UnknownExamException(examId);
      }
      Optional<ReleaseRecord> release =
          rows.isNull("ReleasedAt")
              ? Optional.empty()
              : Optional.of(
                  new ReleaseRecord(
                      examId,
                      rows.getTimestamp("ReleasedAt").toSqlTimestamp().toInstant(),
                      rows.getString("ReleasedBy"),
                      rows.getBoolean("Override"),
                      rows.isNull("ReleasedDigest") ? null : rows.getString("ReleasedDigest")));
      return new ExamInfo(
          examId,
          rows.getTimestamp("ScheduledStart").toSqlTimestamp().toInstant(),
          Duration.ofSeconds(rows.getLong("DurationSeconds")),
          rows.isNull("PaperDigest")
              ? Optional.empty()
              : Optional.of(rows.getString("PaperDigest")),
          release);
    }
  }

  @Override
  public List<ReleaseRecord> releases(Collection<String> examIds) {
    List<ReleaseRecord> found = new ArrayList<>();
    try (ResultSet rows =
        client
            .singleUse()
            .executeQuery(
                Statement.newBuilder(RELEASES_QUERY)
                    .bind("examIds")
                    .toStringArray(examIds)
                    .build())) {
      while (rows.next()) {
        found.add(releaseFrom(rows.getCurrentRowAsStruct()));
      }
    }
    return found;
  }

  @Override
  public Map<String, String> papers(Collection<String> examIds) {
    Map<String, String> found = new HashMap<>();
    try (ResultSet rows =
        client
            .singleUse()
            .executeQuery(
                Statement.newBuilder(PAPERS_QUERY)
                    .bind("examIds")
                    .toStringArray(examIds)
                    .build())) {
      while (rows.next()) {
        found.put(rows.getString("ExamId"), rows.getString("PaperDigest"));
      }
    }
    return found;
  }

  @Override
  public Map<String, SessionRecord> sessions(Collection<String> sessionIds) {
    KeySet.Builder keys = KeySet.newBuilder();
    sessionIds.forEach(id -> keys.addKey(Key.of(id)));
    Map<String, SessionRecord> found = new HashMap<>();
    try (ResultSet rows = client.singleUse().read("Sessions", keys.build(), SESSION_COLUMNS)) {
      while (rows.next()) {
        SessionRecord row = sessionFrom(rows.getCurrentRowAsStruct());
        found.put(row.sessionId(), row);
      }
    }
    return found;
  }

  private static SessionRecord sessionFrom(Struct row) {
    return new SessionRecord(
        row.getString("SessionId"),
        SessionRecord.Status.of(row.getString("Status")),
        row.getLong("ExtraSeconds"),
        row.getLong("PausedSeconds"),
        row.isNull("PausedAt")
            ? Optional.empty()
            : Optional.of(instant(row.getTimestamp("PausedAt"))),
        instant(row.getTimestamp("UpdatedAt")));
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /** The outcome of a release command: the release, and whether it existed already. */
  public record ReleaseOutcome(ReleaseRecord release, boolean alreadyReleased) {}

  /**
   * Inserts the release and its audit row in ONE transaction; the commit timestamp is the official
   * start. If the exam is released already (a retry, or another proctor a moment earlier), returns
   * that release instead.
   */
  public ReleaseOutcome recordRelease(
      String examId, String actor, boolean override, String reason, String paperDigest) {
    TransactionRunner runner = client.readWriteTransaction();
    ReleaseOutcome existing =
        runner.run(
            tx -> {
              Struct row = tx.readRow("ExamReleases", Key.of(examId), RELEASE_COLUMNS);
              if (row != null) {
                return new ReleaseOutcome(releaseFrom(row), true);
              }
              tx.buffer(
                  List.of(
                      Mutation.newInsertBuilder("ExamReleases")
                          .set("ExamId")
                          .to(examId)
                          .set("ReleasedAt")
                          .to(Value.COMMIT_TIMESTAMP)
                          .set("ReleasedBy")
                          .to(actor)
                          .set("Override")
                          .to(override)
                          .set("Reason")
                          .to(reason)
                          .set("PaperDigest")
                          .to(paperDigest)
                          .build(),
                      audit(
                          examId,
                          actor,
                          override ? "RELEASE_OVERRIDE" : "RELEASE",
                          reason,
                          "{\"paperDigest\":\"" + paperDigest + "\"}")));
              return null;
            });
    if (existing != null) {
      return existing;
    }
    Instant releasedAt = runner.getCommitTimestamp().toSqlTimestamp().toInstant();
    return new ReleaseOutcome(
        new ReleaseRecord(examId, releasedAt, actor, override, paperDigest), false);
  }

  /**
   * Records the exam's (new) paper and its audit row.
   *
   * @throws ExamdayException ALREADY_RELEASED once the exam is released, UNKNOWN_EXAM
   */
  public void recordPaper(
      String examId, String digest, String vaultPath, long bytes, String actor) {
    // Outcomes are returned, not thrown: the runner wraps exceptions from the callable.
    PaperOutcome outcome =
        client
            .readWriteTransaction()
            .run(
                tx -> {
                  if (tx.readRow("Exams", Key.of(examId), List.of("ExamId")) == null) {
                    return PaperOutcome.UNKNOWN_EXAM;
                  }
                  if (tx.readRow("ExamReleases", Key.of(examId), List.of("ExamId")) != null) {
                    return PaperOutcome.ALREADY_RELEASED;
                  }
                  tx.buffer(
                      List.of(
                          Mutation.newInsertOrUpdateBuilder("Papers")
                              .set("ExamId")
                              .to(examId)
                              .set("PaperDigest")
                              .to(digest)
                              .set("VaultPath")
                              .to(vaultPath)
                              .set("CiphertextBytes")
                              .to(bytes)
                              .set("PreparedBy")
                              .to(actor)
                              .set("PreparedAt")
                              .to(Value.COMMIT_TIMESTAMP)
                              .build(),
                          audit(
                              examId,
                              actor,
                              "PAPER_PREPARED",
                              null,
                              "{\"paperDigest\":\"" + digest + "\"}")));
                  return PaperOutcome.RECORDED;
                });
    switch (outcome) {
      case UNKNOWN_EXAM -> throw new UnknownExamException(examId);
      case ALREADY_RELEASED -> throw alreadyReleased(examId);
      case RECORDED -> {}
    }
  }

  private enum PaperOutcome {
    RECORDED,
    UNKNOWN_EXAM,
    ALREADY_RELEASED
  }

  /** Audits a proctor broadcast (a blind write: nothing to read, nothing to conflict with). */
  public void recordBroadcast(String examId, String actor, String message) {
    client.writeAtLeastOnce(List.of(audit(examId, actor, "BROADCAST", null, message)));
  }

  public static ExamdayException alreadyReleased(String examId) {
    return new ExamdayException(
        GatewayError.ALREADY_RELEASED,
        "Exam " + examId + " is released; its paper can no longer change.");
  }

  /** Whether a Spanner error means "try again later" rather than a bug. */
  public static boolean transientFailure(SpannerException e) {
    return e.getErrorCode() == ErrorCode.UNAVAILABLE
        || e.getErrorCode() == ErrorCode.DEADLINE_EXCEEDED
        || e.getErrorCode() == ErrorCode.ABORTED;
  }

  private static Mutation audit(
      String examId, String actor, String action, String reason, String details) {
    return AuditRows.insert(examId, null, actor, action, reason, details);
  }

  private static ReleaseRecord releaseFrom(Struct row) {
    Timestamp at = row.getTimestamp("ReleasedAt");
    return new ReleaseRecord(
        row.getString("ExamId"),
        at.toSqlTimestamp().toInstant(),
        row.getString("ReleasedBy"),
        row.getBoolean("Override"),
        row.isNull("PaperDigest") ? null : row.getString("PaperDigest"));
  }
}
