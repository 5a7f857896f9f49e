package io.examday.common.error;

/**
 * A stable, documented error: {@link #code()} never changes once published, because clients and
 * runbooks match on it. Each service lists its codes in one enum implementing this.
 */
public interface ErrorCode {

  /**
   * How an error is answered on the wire.
   *
   * @param httpStatus the HTTP status REST answers with
   * @param retryable whether the same request may succeed if simply tried again later
   */
  record Outcome(int httpStatus, boolean retryable) {}

  /** The constant's name (every implementation is an enum). */
  String name();

  /** How this error is answered. */
  Outcome outcome();

  /** The stable machine-readable code, e.g. {@code SESSION_SUBMITTED}. */
  default String code() {
    return name();
  }

  /** The HTTP status REST answers with. */
  default int httpStatus() {
    return outcome().httpStatus();
  }

  /** Whether the same request may succeed if simply tried again later. */
  default boolean retryable() {
    return outcome().retryable();
  }
}
