package io.examday.session.autosave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Mutation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {

  private static List<Mutation> save(int i) {
    return List.of(Mutation.delete("T", com.google.cloud.spanner.Key.of(i)));
  }

  @Test
  void concurrentSavesShareCommitsAndAllGetTheirCommitTimestamp() throws Exception {
    List<Integer> commitSizes = new CopyOnWriteArrayList<>();
    CountDownLatch firstCommitEntered = new CountDownLatch(1);
    CountDownLatch releaseFirstCommit = new CountDownLatch(1);
    GroupCommitter.Commit commit =
        mutations -> {
          commitSizes.add(mutations.size());
          firstCommitEntered.countDown();
          await(releaseFirstCommit);
          return Timestamp.ofTimeMicroseconds(commitSizes.size());
        };
    try (GroupCommitter committer = new GroupCommitter(commit, 100, Duration.ZERO, 1, n -> {})) {
      CompletableFuture<Timestamp> first = committer.submit(save(0));
      firstCommitEntered.await(5, TimeUnit.SECONDS);
      List<CompletableFuture<Timestamp>> queued = new ArrayList<>();
      for (int i = 1; i <= 250; i++) {
        queued.add(committer.submit(save(i)));
      }
      releaseFirstCommit.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isNotNull();
      for (CompletableFuture<Timestamp> f : queued) {
        assertThat(f.get(5, TimeUnit.SECONDS)).isNotNull();
      }
    }
    assertThat(commitSizes).containsExactly(1, 100, 100, 50);
  }

  @Test
  void aFailedCommitFailsEverySaveInIt() {
    try (GroupCommitter committer =
        new GroupCommitter(
            m -> {
              throw new IllegalStateException("spanner down");
            },
            10,
            Duration.ZERO,
            1,
            n -> {})) {
      CompletableFuture<Timestamp> save = committer.submit(save(1));
      assertThatThrownBy(() -> save.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasRootCauseMessage("spanner down");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
