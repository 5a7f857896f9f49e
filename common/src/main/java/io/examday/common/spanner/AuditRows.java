package io.examday.common.spanner;

import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;
import java.util.UUID;

/**
 * The one way a line of the append-only audit log is written (table AuditLog): who did what, to
 * which exam and session, and why; when is the commit timestamp of the change it records, so the
 * line commits in the same transaction as that change.
 */
public final class AuditRows {

  private AuditRows() {}

  /**
   * An audit line.
   *
   * @param examId the exam
   * @param sessionId the candidate's session, or null for an exam-wide action
   * @param actor the identity that acted (IdP subject)
   * @param action e.g. RELEASE, BROADCAST, EXTRA_TIME, FORCE_SUBMIT
   * @param reason the reason given, or null
   * @param detailsJson structured details as JSON, or null
   */
  public static Mutation insert(
      String examId,
      String sessionId,
      String actor,
      String action,
      String reason,
      String detailsJson) {
    return Mutation.newInsertBuilder("AuditLog")
        .set("ExamId")
        .to(examId)
        .set("EventId")
        .to(UUID.randomUUID().toString())
        .set("OccurredAt")
        .to(Value.COMMIT_TIMESTAMP)
        .set("Actor")
        .to(actor)
        .set("Action")
        .to(action)
        .set("SessionId")
        .to(sessionId)
        .set("Reason")
        .to(reason)
        .set("Details")
        .to(detailsJson)
        .build();
  }
}
