package io.examday.gateway.live;

import io.examday.gateway.exam.ExamInfo;
import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Everything one gateway instance holds about one exam: its state and its candidates. */
final class ExamChannel {

  final String examId;
  final CompletableFuture<ExamInfo> info = new CompletableFuture<>();
  final AtomicInteger connected = new AtomicInteger();
  final AtomicBoolean releasing = new AtomicBoolean();
  private final Map<Context, Shard> shards = new ConcurrentHashMap<>();
  volatile ReleasedPaper released;

  /** The paper file waiting candidates download; null until one is prepared. */
  volatile String paperDigest;

  ExamChannel(String examId) {
    this.examId = examId;
  }

  /** The shard of the event loop behind {@code context} (request contexts are duplicates). */
  Shard shard(Context context) {
    Context root = context instanceof ContextInternal internal ? internal.unwrap() : context;
    return shards.computeIfAbsent(root, Shard::new);
  }

  List<Shard> shards() {
    return List.copyOf(shards.values());
  }

  boolean awaitingRelease() {
    return released == null
        && connected.get() > 0
        && info.isDone()
        && !info.isCompletedExceptionally();
  }
}
