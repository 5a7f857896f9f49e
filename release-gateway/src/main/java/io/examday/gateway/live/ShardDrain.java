package io.examday.gateway.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Closes one shard's sockets in even batches over a period, on the shard's event loop, so that the
 * candidates of an instance that stops reconnect to the others as a trickle, not all at once:
 * 20,000 sockets closed together come back within the page's first backoff (0.5 s).
 */
final class ShardDrain {

  /** Time between two batches. */
  static final long STEP_MILLIS = 100;

  private ShardDrain() {}

  /**
   * Starts draining; completes when every socket the shard held at the start has been closed.
   *
   * @param sockets the shard's sockets, read on its event loop when the drain starts
   * @param period the drain's length; zero closes everything at once
   */
  static Future<Void> start(
      Vertx vertx,
      Context context,
      Supplier<List<CandidateConnection>> sockets,
      Duration period,
      Consumer<CandidateConnection> close) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(
        v -> {
          List<CandidateConnection> all = sockets.get();
          int perBatch = perBatch(all.size(), period);
          Iterator<CandidateConnection> left = all.iterator();
          closeBatch(left, perBatch, close);
          if (!left.hasNext()) {
            done.complete();
            return;
          }
          vertx.setPeriodic(
              STEP_MILLIS,
              id -> {
                closeBatch(left, perBatch, close);
                if (!left.hasNext()) {
                  vertx.cancelTimer(id);
                  done.complete();
                }
              });
        });
    return done.future();
  }

  /** Sockets per batch: all of them in {@code period / STEP_MILLIS} batches, at least one. */
  static int perBatch(int sockets, Duration period) {
    long batches = Math.max(1, period.toMillis() / STEP_MILLIS);
    return (int) Math.max(1, (sockets + batches - 1) / batches);
  }

  private static void closeBatch(
      Iterator<CandidateConnection> left, int count, Consumer<CandidateConnection> close) {
    for (int i = 0; i < count && left.hasNext(); i++) {
      close.accept(left.next());
    }
  }
}
