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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {

  private static GroupCommitter.Limits limits(int maxSaves) {
    return new GroupCommitter.Limits(maxSaves, Duration.ZERO, 1, 10_000, Duration.ofMinutes(1));
  }

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
    List<List<Integer>> afterCommits = new CopyOnWriteArrayList<>();
    List<Integer> completedBeforeAfterCommit = new CopyOnWriteArrayList<>();
    List<CompletableFuture<Timestamp>> all = new CopyOnWriteArrayList<>();
    GroupCommitter.AfterCommit<Integer> afterCommit =
        (payloads, at) -> {
          afterCommits.add(payloads);
          for (int i : payloads) {
            if (all.get(i).isDone()) {
              completedBeforeAfterCommit.add(i);
            }
          }
        };
    try (GroupCommitter<Integer> committer =
        new GroupCommitter<>(commit, afterCommit, limits(100), n -> {})) {
      CompletableFuture<Timestamp> first = committer.submit(save(0), 0);
      all.add(first);
      firstCommitEntered.await(5, TimeUnit.SECONDS);
      List<CompletableFuture<Timestamp>> queued = new ArrayList<>();
      for (int i = 1; i <= 250; i++) {
        CompletableFuture<Timestamp> f = new CompletableFuture<>();
        all.add(f);
        committer.submit(save(i), i).whenComplete((t, e) -> f.complete(t));
        queued.add(f);
      }
      releaseFirstCommit.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isNotNull();
      for (CompletableFuture<Timestamp> f : queued) {
        assertThat(f.get(5, TimeUnit.SECONDS)).isNotNull();
      }
    }
    assertThat(commitSizes).containsExactly(1, 100, 100, 50);
    assertThat(afterCommits).extracting(List::size).containsExactly(1, 100, 100, 50);
    assertThat(afterCommits.stream().flatMap(List::stream).sorted().toList())
        .isEqualTo(java.util.stream.IntStream.rangeClosed(0, 250).boxed().toList());
    assertThat(completedBeforeAfterCommit).as("no save completes before it is marked").isEmpty();
  }

  @Test
  void theNextCommitDoesNotWaitForTheAfterCommitStepAndSavesCompleteInCommitOrder()
      throws Exception {
    List<Integer> commits = new CopyOnWriteArrayList<>();
    CountDownLatch firstMarkEntered = new CountDownLatch(1);
    CountDownLatch releaseFirstMark = new CountDownLatch(1);
    GroupCommitter.AfterCommit<Integer> afterCommit =
        (payloads, at) -> {
          if (payloads.contains(1)) {
            firstMarkEntered.countDown();
            await(releaseFirstMark);
          }
        };
    try (GroupCommitter<Integer> committer =
        new GroupCommitter<>(
            mutations -> {
              commits.add(mutations.size());
              return Timestamp.ofTimeMicroseconds(commits.size());
            },
            afterCommit,
            limits(10),
            n -> {})) {
      CompletableFuture<Timestamp> first = committer.submit(save(1), 1);
      assertThat(firstMarkEntered.await(5, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Timestamp> second = committer.submit(save(2), 2);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (commits.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(commits).as("committed while the first batch is still being marked").hasSize(2);
      assertThat(first).isNotDone();
      assertThat(second).as("completed after the batch committed before it").isNotDone();
      releaseFirstMark.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(Timestamp.ofTimeMicroseconds(1));
      assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(Timestamp.ofTimeMicroseconds(2));
    }
  }

  @Test
  void aFailingAfterCommitStepDoesNotFailCommittedSaves() throws Exception {
    try (GroupCommitter<String> committer =
        new GroupCommitter<>(
            m -> Timestamp.ofTimeMicroseconds(42),
            (payloads, at) -> {
              throw new IllegalStateException("redis down");
            },
            limits(10),
            n -> {})) {
      assertThat(committer.submit(save(1), "s").get(5, TimeUnit.SECONDS))
          .isEqualTo(Timestamp.ofTimeMicroseconds(42));
    }
  }

  @Test
  void aFailedCommitFailsEverySaveInIt() {
    List<String> marked = new CopyOnWriteArrayList<>();
    try (GroupCommitter<String> committer =
        new GroupCommitter<>(
            m -> {
              throw new IllegalStateException("spanner down");
            },
            (payloads, at) -> marked.addAll(payloads),
            limits(10),
            n -> {})) {
      CompletableFuture<Timestamp> save = committer.submit(save(1), "s");
      assertThatThrownBy(() -> save.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasRootCauseMessage("spanner down");
    }
    assertThat(marked).as("nothing is marked durable when the commit failed").isEmpty();
  }

  @Test
  void whileACommitHangsSavesBeyondTheQueueLimitAreRefusedAtOnce() throws Exception {
    CountDownLatch commitEntered = new CountDownLatch(1);
    CountDownLatch releaseCommit = new CountDownLatch(1);
    List<Integer> commitSizes = new CopyOnWriteArrayList<>();
    try (GroupCommitter<Integer> committer =
        new GroupCommitter<>(
            mutations -> {
              commitSizes.add(mutations.size());
              commitEntered.countDown();
              await(releaseCommit);
              return Timestamp.ofTimeMicroseconds(1);
            },
            (payloads, at) -> {},
            new GroupCommitter.Limits(100, Duration.ZERO, 1, 3, Duration.ofMinutes(1)),
            n -> {})) {
      CompletableFuture<Timestamp> inCommit = committer.submit(save(0), 0);
      assertThat(commitEntered.await(5, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<Timestamp>> waiting =
          List.of(
              committer.submit(save(1), 1),
              committer.submit(save(2), 2),
              committer.submit(save(3), 3));
      assertThat(committer.queued()).isEqualTo(3);
      CompletableFuture<Timestamp> refused = committer.submit(save(4), 4);
      assertThat(refused).isCompletedExceptionally();
      assertThatThrownBy(refused::get)
          .hasCauseInstanceOf(GroupCommitter.Refused.class)
          .cause()
          .hasFieldOrPropertyWithValue("reason", "BACKLOG");
      releaseCommit.countDown();
      assertThat(inCommit.get(5, TimeUnit.SECONDS)).isNotNull();
      for (CompletableFuture<Timestamp> save : waiting) {
        assertThat(save.get(5, TimeUnit.SECONDS)).isNotNull();
      }
    }
    assertThat(commitSizes).as("the refused save was never committed").containsExactly(1, 3);
  }

  @Test
  void aSaveThatWaitedPastItsAgeIsRefusedNotCommittedAndTheRestCommit() throws Exception {
    AtomicLong now = new AtomicLong();
    CountDownLatch commitEntered = new CountDownLatch(1);
    CountDownLatch releaseCommit = new CountDownLatch(1);
    List<List<Mutation>> commits = new CopyOnWriteArrayList<>();
    List<Integer> marked = new CopyOnWriteArrayList<>();
    try (GroupCommitter<Integer> committer =
        new GroupCommitter<>(
            mutations -> {
              commits.add(List.copyOf(mutations));
              commitEntered.countDown();
              await(releaseCommit);
              return Timestamp.ofTimeMicroseconds(commits.size());
            },
            (payloads, at) -> marked.addAll(payloads),
            new GroupCommitter.Limits(100, Duration.ZERO, 1, 100, Duration.ofSeconds(15)),
            n -> {},
            now::get)) {
      CompletableFuture<Timestamp> hanging = committer.submit(save(0), 0);
      assertThat(commitEntered.await(5, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Timestamp> old = committer.submit(save(1), 1);
      now.addAndGet(Duration.ofSeconds(10).toNanos());
      CompletableFuture<Timestamp> recent = committer.submit(save(2), 2);
      now.addAndGet(Duration.ofSeconds(6).toNanos()); // old waited 16 s, recent 6 s
      releaseCommit.countDown();
      assertThat(hanging.get(5, TimeUnit.SECONDS)).isNotNull();
      assertThat(recent.get(5, TimeUnit.SECONDS)).isEqualTo(Timestamp.ofTimeMicroseconds(2));
      assertThatThrownBy(() -> old.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(GroupCommitter.Refused.class)
          .cause()
          .hasFieldOrPropertyWithValue("reason", "EXPIRED");
    }
    assertThat(commits).hasSize(2);
    assertThat(commits.get(1)).as("only the save still waited for").isEqualTo(save(2));
    assertThat(marked).as("the refused save is not marked durable").containsExactly(0, 2);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
