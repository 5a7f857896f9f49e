package io.examday.session.autosave;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Options;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.hotstate.CommittedSave;
import io.examday.session.hotstate.HotStateStore;
import io.examday.session.spanner.SharedCommits;
import io.examday.session.spanner.Timestamps;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes answers to Spanner: through the {@link GroupCommitter} (many saves, one commit) or, in the
 * naive mode the benchmark compares against, one commit per save ({@link SingleCommits}). Neither
 * blocks the caller.
 */
@Singleton
public class AnswerWriter implements SharedCommits {

  private static final Logger LOG = Logger.getLogger(AnswerWriter.class);

  private final DatabaseClient db;
  private final HotStateStore hot;
  private final GroupCommitter<CommittedSave> committer;
  private final SingleCommits<CommittedSave> single;
  private final DistributionSummary batchSizes;
  private final Timer committed;
  private final Timer failed;
  private final Options.TransactionOption[] options;

  public AnswerWriter(
      DatabaseClient db,
      HotStateStore hot,
      ExamSessionConfig config,
      MeterRegistry metrics,
      @VirtualThreads ExecutorService virtualThreads) {
    this.db = db;
    this.hot = hot;
    var group = config.autosave().groupCommit();
    this.options =
        group
            .maxCommitDelay()
            .map(delay -> new Options.TransactionOption[] {Options.maxCommitDelay(delay)})
            .orElse(new Options.TransactionOption[0]);
    this.batchSizes =
        DistributionSummary.builder("examday.autosave.commit.batch.saves")
            .description("Save requests (and submits) sharing one Spanner commit")
            .publishPercentileHistogram()
            .register(metrics);
    this.committed = commitTimer(metrics, "committed");
    this.failed = commitTimer(metrics, "failed");
    this.committer =
        group.enabled()
            ? new GroupCommitter<>(
                this::commit,
                this::markDurable,
                new GroupCommitter.Limits(
                    group.maxSaves(),
                    group.maxWait(),
                    group.flushers(),
                    group.maxQueued(),
                    group.maxQueueAge()),
                batchSizes::record)
            : null;
    this.single =
        committer == null
            ? new SingleCommits<>(
                this::commit, this::markDurable, batchSizes::record, virtualThreads)
            : null;
    if (committer != null) {
      Gauge.builder("examday.autosave.commit.queued", committer, GroupCommitter::queued)
          .description("Saves (and submits) waiting for a shared Spanner commit")
          .register(metrics);
    }
  }

  /**
   * Writes one save's answers; when the commit is done, they are already recorded as durable in the
   * hot state (with the other saves of the same commit, in one round trip).
   */
  public CompletableFuture<Timestamp> write(List<Mutation> mutations, CommittedSave save) {
    return committer != null ? committer.submit(mutations, save) : single.submit(mutations, save);
  }

  /**
   * Other blind writes (a candidate's submit) ride in the saves' shared commits: a burst of submits
   * then costs a few commits, not one each queued in front of everyone's saves.
   */
  @Override
  public CompletableFuture<Timestamp> commitShared(List<Mutation> mutations) {
    return write(mutations, CommittedSave.NOTHING);
  }

  /**
   * Best effort: the saves are committed whatever happens here. If Redis misses the mark, a retry
   * of such a save is classified RETRY and written again (a blind write of the same row).
   */
  private void markDurable(List<CommittedSave> saves, Timestamp committed) {
    try {
      hot.markDurable(
          saves.stream().filter(save -> !save.answers().isEmpty()).toList(),
          Timestamps.instant(committed));
    } catch (RuntimeException e) {
      LOG.warnf("committed saves not marked durable in Redis: %s", e.getClass().getSimpleName());
    }
  }

  /**
   * The Spanner commit alone, apart from the wait for a batch and the Redis steps around it: with
   * {@code examday_autosave_ack_seconds} it tells a slow Spanner from pods short of CPU.
   */
  private static Timer commitTimer(MeterRegistry metrics, String outcome) {
    return Timer.builder("examday.autosave.commit")
        .description("One Spanner commit of saves (and submits), from sending it to its timestamp")
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(metrics);
  }

  private Timestamp commit(List<Mutation> mutations) {
    long start = System.nanoTime();
    Timer outcome = failed;
    try {
      Timestamp at = db.writeAtLeastOnceWithOptions(mutations, options).getCommitTimestamp();
      outcome = committed;
      return at;
    } finally {
      outcome.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  @PreDestroy
  void close() {
    if (committer != null) {
      committer.close();
    }
  }
}
