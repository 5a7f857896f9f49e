package io.examday.session.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands queued items to worker threads in batches. A worker takes the first waiting item, gathers
 * whatever else arrives within {@code maxWait} (zero: only what is already queued), up to {@code
 * maxBatch}, and passes the batch to {@code flush}. While one batch is being flushed the next one
 * fills, so under load batches grow by themselves. Used by the group commit (Spanner) and the
 * pipelined Redis checks.
 *
 * @param <E> the queued item
 */
public final class Batcher<E> implements AutoCloseable {

  /** What became of an offered item. */
  public enum Offer {
    QUEUED,
    /** The queue holds {@code capacity} items already: the caller must answer this one itself. */
    FULL,
    /** Closed: the caller must answer this one itself. */
    CLOSED
  }

  private final BlockingQueue<E> queue;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final Consumer<List<E>> flush;
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running = true;

  /** An unbounded queue (its callers bound it themselves). */
  public Batcher(
      String threadName, int threads, int maxBatch, Duration maxWait, Consumer<List<E>> flush) {
    this(threadName, threads, maxBatch, maxWait, Integer.MAX_VALUE, flush);
  }

  /**
   * @param capacity most items waiting at once; an offer beyond it is refused, not queued
   * @param flush gets each batch; the list is reused once it returns, so keep a copy if needed
   */
  public Batcher(
      String threadName,
      int threads,
      int maxBatch,
      Duration maxWait,
      int capacity,
      Consumer<List<E>> flush) {
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    this.maxWaitNanos = maxWait.toNanos();
    this.flush = flush;
    for (int i = 0; i < threads; i++) {
      workers.add(Thread.ofPlatform().daemon().name(threadName + "-" + i).start(this::work));
    }
  }

  /** Queues an item unless closed or full. */
  public Offer offer(E item) {
    if (!running) {
      return Offer.CLOSED;
    }
    return queue.offer(item) ? Offer.QUEUED : Offer.FULL;
  }

  /** Items waiting now. */
  public int queued() {
    return queue.size();
  }

  private void work() {
    List<E> batch = new ArrayList<>(maxBatch);
    while (running || !queue.isEmpty()) {
      try {
        E first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        gather(batch);
        flush.accept(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void gather(List<E> batch) throws InterruptedException {
    long deadline = System.nanoTime() + maxWaitNanos;
    queue.drainTo(batch, maxBatch - batch.size());
    while (batch.size() < maxBatch) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      E next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, maxBatch - batch.size());
    }
  }

  /** Stops taking items, flushes what is queued, and waits up to 10 s per worker for that. */
  @Override
  public void close() {
    running = false;
    for (Thread worker : workers) {
      try {
        worker.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
