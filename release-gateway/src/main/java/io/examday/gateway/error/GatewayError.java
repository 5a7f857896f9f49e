package io.examday.gateway.error;

import io.examday.common.error.ErrorCode;

/** Every REST error release-gateway answers with. The codes are a published contract. */
public enum GatewayError implements ErrorCode {
  /** The request body is not the JSON this endpoint takes. */
  MALFORMED_REQUEST(400, false),
  /** An override release must say why. */
  OVERRIDE_REASON_REQUIRED(400, false),
  /** The bearer token is missing, invalid or expired. */
  UNAUTHENTICATED(401, false),
  /** The caller lacks the role. */
  FORBIDDEN(403, false),
  /**
   * The release needs a fresh multi-factor login ({@code amr} has {@code mfa}, recent {@code
   * auth_time}).
   */
  MFA_REQUIRED(403, false),
  /** No exam with this id. */
  UNKNOWN_EXAM(404, false),
  /** No paper file with this digest. */
  UNKNOWN_PAPER(404, false),
  /** The scheduled start has not come yet and no override was given. */
  TOO_EARLY(409, false),
  /** The exam has no prepared paper, so there is nothing to release. */
  PAPER_NOT_PREPARED(409, false),
  /** The paper's key is not in Vault: the paper must be prepared again before release. */
  PAPER_KEY_MISSING(409, false),
  /** The paper cannot change once the exam is released. */
  ALREADY_RELEASED(409, false),
  /**
   * The paper is a JSON object, but what the candidates' pages need of it is not there (e.g. a
   * {@code shuffle} setting that is not two booleans, or shuffled questions without unique ids).
   */
  INVALID_PAPER(422, false),
  /** The paper is larger than the configured limit. */
  PAPER_TOO_LARGE(413, false),
  /** Vault, Spanner or Pub/Sub is briefly unavailable. */
  DEPENDENCY_UNAVAILABLE(503, true);

  private final Outcome outcome;

  GatewayError(int httpStatus, boolean retryable) {
    this.outcome = new Outcome(httpStatus, retryable);
  }

  @Override
  public Outcome outcome() {
    return outcome;
  }
}
