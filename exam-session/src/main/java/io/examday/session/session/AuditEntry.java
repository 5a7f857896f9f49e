package io.examday.session.session;

import com.google.cloud.spanner.Mutation;
import io.examday.common.spanner.AuditRows;

/**
 * One line of the append-only audit log: who did what, why; when is the commit timestamp.
 *
 * @param actor the proctor's identity (IdP subject)
 * @param action e.g. EXTRA_TIME, PAUSE, RESUME, FORCE_SUBMIT
 * @param reason the reason the proctor gave
 * @param detailsJson structured details, JSON
 */
public record AuditEntry(String actor, String action, String reason, String detailsJson) {

  public Mutation mutation(String examId, String sessionId) {
    return AuditRows.insert(examId, sessionId, actor, action, reason, detailsJson);
  }
}
