package io.examday.common.error;

/** The one exception type for expected failures; REST maps it to {@link ApiError}. */
public class ExamdayException extends RuntimeException {

  private final ErrorCode error;

  public ExamdayException(ErrorCode error, String message) {
    super(message);
    this.error = error;
  }

  public ExamdayException(ErrorCode error, String message, Throwable cause) {
    super(message, cause);
    this.error = error;
  }

  public ErrorCode error() {
    return error;
  }

  public ApiError toApiError() {
    return new ApiError(error.code(), getMessage(), error.retryable());
  }
}
