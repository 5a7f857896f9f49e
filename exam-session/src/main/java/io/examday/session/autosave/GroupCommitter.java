package io.examday.session.autosave;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Mutation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
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

  private record Pending<T>(
      List<Mutation> mutations, T payload, CompletableFuture<Timestamp> done) {}

  private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
  private final Commit commit;
  private final AfterCommit<T> afterCommit;
  private final int maxSaves;
  private final long maxWaitNanos;
  private final IntConsumer batchSizes;
  private final List<Thread> flushers = new ArrayList<>();
  private final ExecutorService completer =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("group-commit-done").factory());
  private volatile boolean running = true;

  public GroupCommitter(
      Commit commit,
      AfterCommit<T> afterCommit,
      int maxSaves,
      Duration maxWait,
      int flusherCount,
      IntConsumer batchSizes) {
    this.commit = commit;
    this.afterCommit = afterCommit;
    this.maxSaves = maxSaves;
    this.maxWaitNanos = maxWait.toNanos();
    this.batchSizes = batchSizes;
    for (int i = 0; i < flusherCount; i++) {
      Thread flusher =
          Thread.ofPlatform().daemon().name("group-commit-" + i).start(this::flushLoop);
      flushers.add(flusher);
    }
  }

  public CompletableFuture<Timestamp> submit(List<Mutation> mutations, T payload) {
    CompletableFuture<Timestamp> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(new IllegalStateException("group committer is closed"));
      return done;
    }
    queue.add(new Pending<>(mutations, payload, done));
    return done;
  }

  private void flushLoop() {
    List<Pending<T>> batch = new ArrayList<>(maxSaves);
    while (running || !queue.isEmpty()) {
      try {
        Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        gather(batch);
        flush(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void gather(List<Pending<T>> batch) throws InterruptedException {
    long deadline = System.nanoTime() + maxWaitNanos;
    queue.drainTo(batch, maxSaves - batch.size());
    while (batch.size() < maxSaves) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      Pending<T> next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, maxSaves - batch.size());
    }
  }

  private void flush(List<Pending<T>> batch) {
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
    List<Pending<T>> committedSaves = List.copyOf(batch);
    completer.execute(() -> complete(committedSaves, payloads, committed));
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
    running = false;
    for (Thread flusher : flushers) {
      try {
        flusher.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    completer.shutdown();
    try {
      completer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
