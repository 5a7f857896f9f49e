package io.examday.common.error;

/**
 * The JSON body of every error response.
 *
 * @param code stable machine-readable code
 * @param message what happened and what the person can do about it
 * @param retryable whether retrying the same request later may succeed
 */
public record ApiError(String code, String message, boolean retryable) {}
