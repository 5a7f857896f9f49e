package io.examday.session.spanner;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ErrorCode;
import com.google.cloud.spanner.SpannerException;
import com.google.cloud.spanner.TransactionRunner;
import com.google.cloud.spanner.TransactionRunner.TransactionCallable;
import io.examday.common.error.ExamdayException;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-write transactions, retried when another transaction got in the way. The client library
 * retries ABORTED itself; the Spanner emulator, which runs one read-write transaction at a time,
 * instead answers a concurrent one with FAILED_PRECONDITION or NOT_FOUND on the transaction id,
 * which it does not retry. Only rare control-plane writes (submit, proctor actions, imports) use
 * read-write transactions; the hot path uses blind writes.
 */
@Singleton
public class Transactions {

  private static final int ATTEMPTS = 12;
  private static final long FIRST_BACKOFF_NANOS = 2_000_000L;
  private final DatabaseClient db;

  public Transactions(DatabaseClient db) {
    this.db = db;
  }

  public <T> T run(TransactionCallable<T> work) {
    return runCommitted(work).result();
  }

  /**
   * A transaction's result with its commit timestamp.
   *
   * @param result what the work returned
   * @param commitTimestamp when it committed
   */
  public record Committed<T>(T result, Timestamp commitTimestamp) {}

  /** As {@link #run}, also telling when the transaction committed. */
  public <T> Committed<T> runCommitted(TransactionCallable<T> work) {
    long backoff = FIRST_BACKOFF_NANOS;
    for (int attempt = 1; ; attempt++) {
      try {
        TransactionRunner runner = db.readWriteTransaction();
        T result = runner.run(work);
        return new Committed<>(result, runner.getCommitTimestamp());
      } catch (SpannerException e) {
        if (e.getCause() instanceof ExamdayException refusal) {
          throw refusal;
        }
        if (attempt >= ATTEMPTS || !isContention(e)) {
          throw e;
        }
        LockSupport.parkNanos(backoff + ThreadLocalRandom.current().nextLong(backoff));
        backoff = Math.min(backoff * 2, 200_000_000L);
      }
    }
  }

  static boolean isContention(SpannerException e) {
    if (e.getErrorCode() == ErrorCode.ABORTED) {
      return true;
    }
    String message = String.valueOf(e.getMessage());
    return (e.getErrorCode() == ErrorCode.FAILED_PRECONDITION
            && message.contains("Invalid transaction"))
        || (e.getErrorCode() == ErrorCode.NOT_FOUND && message.contains("Transaction"));
  }
}
