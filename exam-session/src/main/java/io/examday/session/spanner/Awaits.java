package io.examday.session.spanner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Waiting for a storage future, from a thread that may block (a virtual thread). */
public final class Awaits {

  /** How long a request waits for its commit before it is told to retry. */
  public static final long STORAGE_TIMEOUT_SECONDS = 20;

  private Awaits() {}

  /**
   * The future's value. A runtime failure is thrown as it was; a time-out, an interrupt or a
   * checked failure is thrown as {@code unavailable} makes it (a retryable refusal).
   */
  public static <T> T await(
      CompletableFuture<T> future, Function<Throwable, ? extends RuntimeException> unavailable) {
    try {
      return future.get(STORAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable.apply(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw unavailable.apply(e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      throw unavailable.apply(e);
    }
  }
}
