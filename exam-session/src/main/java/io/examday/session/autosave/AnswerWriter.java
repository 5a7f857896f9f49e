package io.examday.session.autosave;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Options;
import io.examday.session.config.ExamSessionConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes answers to Spanner: through the {@link GroupCommitter} (many saves, one commit) or, in the
 * naive mode the benchmark compares against, one commit per save.
 */
@Singleton
public class AnswerWriter {

  private final DatabaseClient db;
  private final GroupCommitter committer;
  private final DistributionSummary batchSizes;
  private final Options.TransactionOption[] options;

  public AnswerWriter(DatabaseClient db, ExamSessionConfig config, MeterRegistry metrics) {
    this.db = db;
    var group = config.autosave().groupCommit();
    this.options =
        group
            .maxCommitDelay()
            .map(delay -> new Options.TransactionOption[] {Options.maxCommitDelay(delay)})
            .orElse(new Options.TransactionOption[0]);
    this.batchSizes =
        DistributionSummary.builder("examday.autosave.commit.batch.saves")
            .description("Save requests sharing one Spanner commit")
            .publishPercentileHistogram()
            .register(metrics);
    this.committer =
        group.enabled()
            ? new GroupCommitter(
                this::commit,
                group.maxSaves(),
                group.maxWait(),
                group.flushers(),
                batchSizes::record)
            : null;
  }

  public CompletableFuture<Timestamp> write(List<Mutation> mutations) {
    if (committer != null) {
      return committer.submit(mutations);
    }
    try {
      Timestamp committed = commit(mutations);
      batchSizes.record(1);
      return CompletableFuture.completedFuture(committed);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Timestamp commit(List<Mutation> mutations) {
    return db.writeAtLeastOnceWithOptions(mutations, options).getCommitTimestamp();
  }

  @PreDestroy
  void close() {
    if (committer != null) {
      committer.close();
    }
  }
}
