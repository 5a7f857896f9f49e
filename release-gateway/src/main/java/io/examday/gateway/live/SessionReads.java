package io.examday.gateway.live;

import io.examday.gateway.exam.SessionRecord;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Reads the session rows of connecting candidates in batches: one Spanner read for up to {@code
 * maxBatch} sockets that arrived within {@code linger}, not one read per socket (a herd connects
 * thousands a second). One batch is read at a time, so a later read never returns an older state
 * than an earlier one. A batch that fails or takes longer than {@code bound} answers "unknown" to
 * its sockets, which keep the deadline of their token; the next batch goes on.
 */
final class SessionReads {

  private static final Logger LOG = Logger.getLogger(SessionReads.class);

  /** One socket waiting for its session's row; {@code then} runs on the socket's context. */
  private record Pending(
      String sessionId, Context context, Consumer<Optional<SessionRecord>> then) {}

  private final Vertx vertx;
  private final ExamSource source;
  private final LiveMetrics metrics;
  private final int maxBatch;
  private final Duration linger;
  private final Duration bound;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean busy = new AtomicBoolean();

  SessionReads(
      Vertx vertx,
      ExamSource source,
      LiveMetrics metrics,
      int maxBatch,
      Duration linger,
      Duration bound) {
    this.vertx = vertx;
    this.source = source;
    this.metrics = metrics;
    this.maxBatch = maxBatch;
    this.linger = linger;
    this.bound = bound;
  }

  /** Reads {@code sessionId}'s row; {@code then} gets it (empty: no row, or not readable now). */
  void read(String sessionId, Context context, Consumer<Optional<SessionRecord>> then) {
    queue.add(new Pending(sessionId, context, then));
    scheduleIfIdle();
  }

  private void scheduleIfIdle() {
    if (!queue.isEmpty() && busy.compareAndSet(false, true)) {
      vertx.setTimer(Math.max(1, linger.toMillis()), id -> readBatch());
    }
  }

  private void readBatch() {
    List<Pending> batch = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Pending p; batch.size() < maxBatch && (p = queue.poll()) != null; ) {
      batch.add(p);
      ids.add(p.sessionId());
    }
    if (batch.isEmpty()) {
      busy.set(false);
      scheduleIfIdle();
      return;
    }
    AtomicBoolean answered = new AtomicBoolean();
    long timer =
        vertx.setTimer(
            bound.toMillis(),
            id -> {
              LOG.warnf(
                  "%d session rows not read within %d ms: those sockets keep their token's deadline",
                  ids.size(), bound.toMillis());
              answer(batch, Map.of(), answered, "timed_out");
            });
    vertx
        .<Map<String, SessionRecord>>executeBlocking(() -> source.sessions(ids), false)
        .onComplete(
            result -> {
              vertx.cancelTimer(timer);
              if (result.failed()) {
                LOG.warnf(
                    "%d session rows could not be read (%s): those sockets keep their token's"
                        + " deadline",
                    ids.size(), result.cause().getClass().getSimpleName());
              }
              answer(
                  batch,
                  result.succeeded() ? result.result() : Map.of(),
                  answered,
                  result.succeeded() ? "read" : "failed");
            });
  }

  private void answer(
      List<Pending> batch,
      Map<String, SessionRecord> rows,
      AtomicBoolean answered,
      String outcome) {
    if (!answered.compareAndSet(false, true)) {
      return;
    }
    metrics.sessionRowsRead(outcome, batch.size());
    for (Pending p : batch) {
      Optional<SessionRecord> row = Optional.ofNullable(rows.get(p.sessionId()));
      p.context().runOnContext(v -> p.then().accept(row));
    }
    busy.set(false);
    scheduleIfIdle();
  }
}
