package io.examday.common.error;

import java.time.Duration;
import java.util.Optional;

/** The one exception type for expected failures; REST maps it to {@link ApiError}. */
public class ExamdayException extends RuntimeException {

  private final ErrorCode error;
  private final Duration retryAfter;

  public ExamdayException(ErrorCode error, String message) {
    this(error, message, (Duration) null);
  }

  public ExamdayException(ErrorCode error, String message, Throwable cause) {
    super(message, cause);
    this.error = error;
    this.retryAfter = null;
  }

  /**
   * A refusal that ends at a known time: REST answers it with a {@code Retry-After} header.
   *
   * @param retryAfter how long until the same request can succeed; null when unknown
   */
  public ExamdayException(ErrorCode error, String message, Duration retryAfter) {
    super(message);
    this.error = error;
    this.retryAfter = retryAfter;
  }

  public ErrorCode error() {
    return error;
  }

  /** How long until the same request can succeed, when the refusal knows. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public ApiError toApiError() {
    return new ApiError(error.code(), getMessage(), error.retryable());
  }
}
