package io.examday.session.autosave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.Mutation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleCommitsTest {

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Integer> commitSizes = new CopyOnWriteArrayList<>();
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private static List<Mutation> save(long... keys) {
    return java.util.Arrays.stream(keys).mapToObj(k -> Mutation.delete("T", Key.of(k))).toList();
  }

  private static long key(List<Mutation> mutations) {
    return (Long)
        mutations.getFirst().getKeySet().getKeys().iterator().next().getParts().iterator().next();
  }

  @Test
  void eachSaveIsCommittedAloneOffTheCallersThreadAndTheCommitsRunSideBySide() throws Exception {
    Thread caller = Thread.currentThread();
    List<Thread> committingThreads = new CopyOnWriteArrayList<>();
    CountDownLatch bothCommitting = new CountDownLatch(2);
    CountDownLatch finish = new CountDownLatch(1);
    GroupCommitter.Commit commit =
        mutations -> {
          commitSizes.add(mutations.size());
          committingThreads.add(Thread.currentThread());
          bothCommitting.countDown();
          await(finish);
          return Timestamp.ofTimeMicroseconds(key(mutations));
        };
    Map<String, Boolean> doneWhenMarked = new ConcurrentHashMap<>();
    List<CompletableFuture<Timestamp>> futures = new CopyOnWriteArrayList<>();
    GroupCommitter.AfterCommit<String> marks =
        (payloads, at) ->
            payloads.forEach(
                p -> doneWhenMarked.put(p, futures.get(p.equals("a") ? 0 : 1).isDone()));
    SingleCommits<String> single = new SingleCommits<>(commit, marks, batchSizes::add, threads);

    futures.add(single.submit(save(11, 12), "a"));
    futures.add(single.submit(save(22), "b"));

    // Both commits are in progress at once, and the caller got its futures back before either.
    assertThat(bothCommitting.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(futures).noneMatch(CompletableFuture::isDone);
    assertThat(committingThreads).doesNotContain(caller).doesNotHaveDuplicates();
    finish.countDown();

    assertThat(futures.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(Timestamp.ofTimeMicroseconds(11));
    assertThat(futures.get(1).get(5, TimeUnit.SECONDS)).isEqualTo(Timestamp.ofTimeMicroseconds(22));
    // One commit per save, with exactly that save's mutations; each marked before it completed.
    assertThat(commitSizes).containsExactlyInAnyOrder(2, 1);
    assertThat(batchSizes).containsExactly(1, 1);
    assertThat(doneWhenMarked).containsExactlyInAnyOrderEntriesOf(Map.of("a", false, "b", false));
  }

  @Test
  void aFailedCommitFailsOnlyItsSaveAndIsNotMarked() throws Exception {
    List<String> marked = new CopyOnWriteArrayList<>();
    GroupCommitter.Commit commit =
        mutations -> {
          if (key(mutations) == 1) {
            throw new IllegalStateException("storage down");
          }
          return Timestamp.ofTimeMicroseconds(key(mutations));
        };
    SingleCommits<String> single =
        new SingleCommits<>(commit, (payloads, at) -> marked.addAll(payloads), n -> {}, threads);

    CompletableFuture<Timestamp> failed = single.submit(save(1), "failed");
    CompletableFuture<Timestamp> saved = single.submit(save(2), "saved");

    assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(saved.get(5, TimeUnit.SECONDS)).isEqualTo(Timestamp.ofTimeMicroseconds(2));
    assertThat(marked).containsExactly("saved");
  }

  @Test
  void aSaveIsCommittedEvenWhenMarkingItFails() throws Exception {
    SingleCommits<String> single =
        new SingleCommits<>(
            mutations -> Timestamp.ofTimeMicroseconds(7),
            (payloads, at) -> {
              throw new IllegalStateException("redis down");
            },
            n -> {},
            threads);

    assertThat(single.submit(save(7), "x").get(5, TimeUnit.SECONDS))
        .isEqualTo(Timestamp.ofTimeMicroseconds(7));
  }

  @Test
  void afterShutdownASaveIsRefusedAsClosedAndNothingIsCommitted() {
    List<Mutation> committed = new CopyOnWriteArrayList<>();
    SingleCommits<String> single =
        new SingleCommits<>(
            mutations -> {
              committed.addAll(mutations);
              return Timestamp.now();
            },
            (payloads, at) -> {},
            n -> {},
            threads);
    threads.shutdown();

    CompletableFuture<Timestamp> refused = single.submit(save(3), "late");

    assertThat(refused).isCompletedExceptionally();
    assertThatThrownBy(refused::join)
        .hasCauseInstanceOf(GroupCommitter.Refused.class)
        .cause()
        .satisfies(e -> assertThat(((GroupCommitter.Refused) e).reason()).isEqualTo("CLOSED"));
    assertThat(committed).isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
