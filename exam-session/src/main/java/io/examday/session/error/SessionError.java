package io.examday.session.error;

import io.examday.common.error.ErrorCode;

/** Every error exam-session answers with. The codes are public: never rename one. */
public enum SessionError implements ErrorCode {
  MALFORMED_REQUEST(400, false),
  INVALID_ANSWER(400, false),
  ANSWER_TOO_LARGE(413, false),
  UNKNOWN_QUESTION(400, false),
  UNKNOWN_EXAM(404, false),
  UNKNOWN_SESSION(404, false),
  INVALID_CREDENTIALS(401, false),
  TOO_MANY_ATTEMPTS(429, true),
  TOKEN_MISSING(401, false),
  TOKEN_INVALID(401, false),
  TOKEN_EXPIRED(401, false),
  NOT_YOUR_SESSION(403, false),
  EXAM_NOT_STARTED(409, true),
  SESSION_PAUSED(409, true),
  SESSION_SUBMITTED(409, false),
  DEADLINE_PASSED(409, false),
  STALE_SEQUENCE(409, false),
  SEQUENCE_CONFLICT(409, false),
  INVALID_ACTION(409, false),
  STORAGE_UNAVAILABLE(503, true);

  private final Outcome outcome;

  SessionError(int httpStatus, boolean retryable) {
    this.outcome = new Outcome(httpStatus, retryable);
  }

  @Override
  public Outcome outcome() {
    return outcome;
  }
}
