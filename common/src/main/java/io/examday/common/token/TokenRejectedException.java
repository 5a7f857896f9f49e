package io.examday.common.token;

/** A session token that must not be accepted, with the reason as a stable code. */
public final class TokenRejectedException extends RuntimeException {

  /** Why a token was rejected. The names are part of the public error contract. */
  public enum Reason {
    MALFORMED,
    UNSUPPORTED_ALGORITHM,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    EXPIRED,
    NOT_YET_VALID
  }

  private final Reason reason;

  public TokenRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
