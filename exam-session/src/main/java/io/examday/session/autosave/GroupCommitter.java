package io.examday.session.autosave;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Mutation;
import io.examday.session.infra.Batcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Lets concurrent saves share one Spanner commit. A flusher takes the first waiting save, gathers
 * whatever else arrives within {@code maxWait} (or until {@code maxSaves}), commits all their
 * mutations at once and completes every save with the one commit timestamp. Several flushers keep
 * commits in flight while a batch forms, so under load batches grow by themselves and at low load a
 * save waits at most {@code maxWait}.
 *
 * <p>The commit function must be a blind write (Spanner {@code writeAtLeastOnce}): the mutations
 * are idempotent, so a retried or replayed commit changes nothing.
 *
 * <p>After a commit and before any save of it is completed, {@code afterCommit} gets every save's
 * payload at once (exam-session records them as durable in Redis with one pipelined call per
 * commit). It is best effort: if it fails, the saves are still committed and still complete. That
 * step and the completions run on one completer thread, in commit order, while the flusher already
 * gathers and commits the next batch: Spanner is not left waiting for Redis.
 *
 * <p>When Spanner stalls, the queue is bounded twice: past {@code maxQueued} waiting saves a new
 * save is refused at once, and a save that waited longer than {@code maxQueueAge} (its request has
 * been told to retry by then) is refused instead of committed, so after an outage the flushers
 * commit what candidates are still waiting for, not a backlog nobody waits for. Both refusals are
 * {@link Refused}: nothing of the save was committed.
 *
 * @param <T> what each save carries to {@code afterCommit}
 */
public final class GroupCommitter<T> implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GroupCommitter.class);

  /** Commits mutations, returning the commit timestamp. */
  public interface Commit {
    Timestamp apply(List<Mutation> mutations);
  }

  /**
   * Runs after a commit, with the payloads of every save in it.
   *
   * @param <T> the payload type
   */
  public interface AfterCommit<T> {
    void committed(List<T> payloads, Timestamp at);
  }

  /**
   * How batches form and how much may wait.
   *
   * @param maxSaves most saves in one commit
   * @param maxWait longest a save waits for others to join its commit
   * @param flushers commits in flight at once
   * @param maxQueued most saves waiting for a commit; more are refused at once
   * @param maxQueueAge a save that waited longer is refused, not committed
   */
  public record Limits(
      int maxSaves, Duration maxWait, int flushers, int maxQueued, Duration maxQueueAge) {}

  /** A save refused before any of it was committed; the request may be retried as it is. */
  public static final class Refused extends RuntimeException {
    private final String reason;

    Refused(String reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }

    /** BACKLOG, EXPIRED or CLOSED. */
    public String reason() {
      return reason;
    }
  }

  private record Pending<T>(
      List<Mutation> mutations, T payload, CompletableFuture<Timestamp> done, long queuedAt) {}

  private final Commit commit;
  private final AfterCommit<T> afterCommit;
  private final IntConsumer batchSizes;
  private final LongSupplier nanoTime;
  private final long maxQueueAgeNanos;
  private final Batcher<Pending<T>> batcher;
  private final ExecutorService completer =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("group-commit-done").factory());

  public GroupCommitter(
      Commit commit, AfterCommit<T> afterCommit, Limits limits, IntConsumer batchSizes) {
    this(commit, afterCommit, limits, batchSizes, System::nanoTime);
  }

  /** As above, with the clock a queued save's age is read from (tests move it). */
  GroupCommitter(
      Commit commit,
      AfterCommit<T> afterCommit,
      Limits limits,
      IntConsumer batchSizes,
      LongSupplier nanoTime) {
    this.commit = commit;
    this.afterCommit = afterCommit;
    this.batchSizes = batchSizes;
    this.nanoTime = nanoTime;
    this.maxQueueAgeNanos = limits.maxQueueAge().toNanos();
    this.batcher =
        new Batcher<>(
            "group-commit",
            limits.flushers(),
            limits.maxSaves(),
            limits.maxWait(),
            limits.maxQueued(),
            this::flush);
  }

  public CompletableFuture<Timestamp> submit(List<Mutation> mutations, T payload) {
    CompletableFuture<Timestamp> done = new CompletableFuture<>();
    switch (batcher.offer(new Pending<>(mutations, payload, done, nanoTime.getAsLong()))) {
      case QUEUED -> {}
      case FULL ->
          done.completeExceptionally(
              new Refused("BACKLOG", "too many saves are waiting for storage already"));
      case CLOSED ->
          done.completeExceptionally(new Refused("CLOSED", "this server is shutting down"));
    }
    return done;
  }

  /** Saves waiting for a commit now. */
  public int queued() {
    return batcher.queued();
  }

  private void flush(List<Pending<T>> queued) {
    List<Pending<T>> batch = new ArrayList<>(queued.size());
    long now = nanoTime.getAsLong();
    for (Pending<T> pending : queued) {
      if (now - pending.queuedAt() > maxQueueAgeNanos) {
        pending
            .done()
            .completeExceptionally(
                new Refused("EXPIRED", "waited too long for storage; nothing was committed"));
      } else {
        batch.add(pending);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    List<Mutation> mutations = new ArrayList<>();
    List<T> payloads = new ArrayList<>(batch.size());
    for (Pending<T> pending : batch) {
      mutations.addAll(pending.mutations());
      payloads.add(pending.payload());
    }
    Timestamp committed;
    try {
      committed = commit.apply(mutations);
    } catch (RuntimeException e) {
      for (Pending<T> pending : batch) {
        pending.done().completeExceptionally(e);
      }
      return;
    }
    batchSizes.accept(batch.size());
    completer.execute(() -> complete(batch, payloads, committed));
  }

  private void complete(List<Pending<T>> batch, List<T> payloads, Timestamp committed) {
    try {
      afterCommit.committed(payloads, committed);
    } catch (RuntimeException e) {
      LOG.warnf("after-commit step failed (the saves are committed): %s", e.toString());
    }
    for (Pending<T> pending : batch) {
      pending.done().complete(committed);
    }
  }

  @Override
  public void close() {
    batcher.close();
    completer.shutdown();
    try {
      completer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
