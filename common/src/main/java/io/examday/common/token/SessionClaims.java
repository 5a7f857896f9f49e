package io.examday.common.token;

import java.time.Instant;
import java.util.Objects;

/**
 * What a candidate's session token asserts. Minted by exam-session at login, verified by
 * exam-session and release-gateway with the public key only.
 *
 * @param sessionId the exam session (one attempt of one candidate)
 * @param candidateId the candidate, never the roll number (tokens end up in logs and proxies)
 * @param examId the exam the session belongs to
 * @param extraTimeSeconds the candidate's accommodation (extra time) at login, so a gateway can
 *     compute the candidate's own deadline from the release time without a lookup
 * @param issuedAt when the token was minted
 * @param expiresAt when the token stops being accepted
 */
public record SessionClaims(
    String sessionId,
    String candidateId,
    String examId,
    long extraTimeSeconds,
    Instant issuedAt,
    Instant expiresAt) {

  public SessionClaims {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(candidateId, "candidateId");
    Objects.requireNonNull(examId, "examId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (extraTimeSeconds < 0) {
      throw new IllegalArgumentException("extraTimeSeconds must not be negative");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("expiresAt must be after issuedAt");
    }
  }
}
