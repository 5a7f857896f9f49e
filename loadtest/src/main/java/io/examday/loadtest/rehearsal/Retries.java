package io.examday.loadtest.rehearsal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How a simulated candidate retries a request, as the candidate page does (exam-session's {@code
 * live.js}): a request that got no answer (connection refused or reset: its instance is gone) or an
 * answer saying "try again" (502, 503, 504) is sent again, unchanged (an autosave keeps its
 * sequence number), after a delay with full jitter over a cap of 0.5 s doubling to 30 s. The page
 * retries until the deadline; the harness gives up after {@link #MAX_ATTEMPTS}, which counts as the
 * step's failure.
 *
 * <p>No answer also moves the candidate to the next exam-session instance: locally nothing stands
 * between the candidates and the instances, so the harness does what the load balancer does in
 * production when a pod dies.
 */
public final class Retries {

  /** Attempts of one request, the first included: the caps sum to ~2 min of waiting. */
  public static final int MAX_ATTEMPTS = 10;

  private static final long BASE_MS = 500;
  private static final long MAX_MS = 30_000;

  private Retries() {}

  /**
   * Whether an attempt that failed is worth sending again.
   *
   * @param status the HTTP status it got, or null when no answer came
   */
  public static boolean retryable(Integer status) {
    return status == null || status == 502 || status == 503 || status == 504;
  }

  /** Whether no answer came: the candidate moves on to the next instance. */
  public static boolean unanswered(Integer status) {
    return status == null;
  }

  /**
   * The wait before an attempt.
   *
   * @param attempt 0 for the first (no wait), 1 for the first retry, ...
   * @param random uniform in [0, 1)
   */
  public static Duration delay(int attempt, DoubleSupplier random) {
    if (attempt <= 0) {
      return Duration.ZERO;
    }
    long cap = Math.min(MAX_MS, BASE_MS << Math.min(attempt - 1, 16));
    return Duration.ofMillis((long) (random.getAsDouble() * cap));
  }

  /** Whether another attempt follows one that failed with this status. */
  public static boolean again(int attemptsMade, Integer status) {
    return attemptsMade < MAX_ATTEMPTS && retryable(status);
  }
}
