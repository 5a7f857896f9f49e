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

  private final Commit commit;
  private final AfterCommit<T> afterCommit;
  private final IntConsumer batchSizes;
  private final Batcher<Pending<T>> batcher;
  private final ExecutorService completer =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("group-commit-done").factory());

  public GroupCommitter(
      Commit commit,
      AfterCommit<T> afterCommit,
      int maxSaves,
      Duration maxWait,
      int flusherCount,
      IntConsumer batchSizes) {
    this.commit = commit;
    this.afterCommit = afterCommit;
    this.batchSizes = batchSizes;
    this.batcher = new Batcher<>("group-commit", flusherCount, maxSaves, maxWait, this::flush);
  }

  public CompletableFuture<Timestamp> submit(List<Mutation> mutations, T payload) {
    CompletableFuture<Timestamp> done = new CompletableFuture<>();
    if (!batcher.offer(new Pending<>(mutations, payload, done))) {
      done.completeExceptionally(new IllegalStateException("group committer is closed"));
    }
    return done;
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
    batcher.close();
    completer.shutdown();
    try {
      completer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
