package io.examday.common.error;

/**
 * A stable, documented error: {@link #code()} never changes once published, because clients and
 * runbooks match on it. Each service lists its codes in one enum implementing this.
 */
public interface ErrorCode {

  /** The stable machine-readable code, e.g. {@code SESSION_SUBMITTED}. */
  String code();

  /** The HTTP status REST answers with. */
  int httpStatus();

  /** Whether the same request may succeed if simply tried again later. */
  boolean retryable();
}
