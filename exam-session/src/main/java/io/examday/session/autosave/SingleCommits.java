package io.examday.session.autosave;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Mutation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * One Spanner commit per save: the naive mode that {@link GroupCommitter} is measured against
 * ({@code examday.autosave.group-commit.enabled=false}). Each save's commit runs on a thread of its
 * own (a virtual thread in exam-session) and blocks only that thread, as a plain "commit, then
 * answer" endpoint would. The caller is never blocked: callers complete futures on the Redis
 * pipeline's sender threads, and a commit there would serialize every save's commit behind two
 * threads and hold up everyone's Redis checks (docs/benchmarks.md, autosave, 2026-12-03).
 *
 * @param <T> what each save carries to {@code afterCommit}
 */
public final class SingleCommits<T> {

  private static final Logger LOG = Logger.getLogger(SingleCommits.class);

  private final GroupCommitter.Commit commit;
  private final GroupCommitter.AfterCommit<T> afterCommit;
  private final IntConsumer batchSizes;
  private final Executor threads;

  public SingleCommits(
      GroupCommitter.Commit commit,
      GroupCommitter.AfterCommit<T> afterCommit,
      IntConsumer batchSizes,
      Executor threads) {
    this.commit = commit;
    this.afterCommit = afterCommit;
    this.batchSizes = batchSizes;
    this.threads = threads;
  }

  /** Commits the save's mutations alone; completes after {@code afterCommit} has seen it. */
  public CompletableFuture<Timestamp> submit(List<Mutation> mutations, T payload) {
    CompletableFuture<Timestamp> done = new CompletableFuture<>();
    try {
      threads.execute(() -> commitAlone(mutations, payload, done));
    } catch (RejectedExecutionException shuttingDown) {
      done.completeExceptionally(
          new GroupCommitter.Refused("CLOSED", "this server is shutting down"));
    }
    return done;
  }

  private void commitAlone(List<Mutation> mutations, T payload, CompletableFuture<Timestamp> done) {
    Timestamp committed;
    try {
      committed = commit.apply(mutations);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
      return;
    }
    batchSizes.accept(1);
    try {
      afterCommit.committed(List.of(payload), committed);
    } catch (RuntimeException e) {
      LOG.warnf("after-commit step failed (the save is committed): %s", e.toString());
    }
    done.complete(committed);
  }
}
