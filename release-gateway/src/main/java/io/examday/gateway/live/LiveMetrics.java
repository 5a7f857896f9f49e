package io.examday.gateway.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/** The live gateway's Prometheus metrics. Exam ids are tags: a handful per exam day. */
public final class LiveMetrics {

  private final MeterRegistry registry;
  private final Counter slowConsumers;
  private final Counter keyFetchFailures;
  private final Set<String> trackedExams = ConcurrentHashMap.newKeySet();

  public LiveMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.slowConsumers =
        Counter.builder("examday.gateway.dropped.slow.consumers")
            .description("Sockets closed because their write queue was full")
            .register(registry);
    this.keyFetchFailures =
        Counter.builder("examday.gateway.release.key.fetch.failures")
            .description("Failed attempts to fetch a released paper's key from Vault")
            .register(registry);
  }

  /**
   * Reports an exam's connected candidates. Registered once per exam: {@code connected} reads the
   * exam's current channel, which is replaced when a failed exam read is retried.
   */
  void trackConnected(String examId, IntSupplier connected) {
    if (trackedExams.add(examId)) {
      Gauge.builder("examday.gateway.connected.candidates", connected::getAsInt)
          .description("Candidates connected to this instance")
          .tag("exam", examId)
          .register(registry);
    }
  }

  /**
   * Records a fan-out's duration. The release time is Spanner's commit timestamp and this pod's
   * clock can be a few milliseconds behind it, so a fast local fan-out can measure negative: it
   * counts as zero (a timer refuses negative amounts).
   */
  void fanOutFinished(String examId, Duration sinceRelease) {
    Timer.builder("examday.gateway.release.fanout")
        .description("From the release commit to the last local candidate's frame being written")
        .tag("exam", examId)
        .register(registry)
        .record(sinceRelease.isNegative() ? Duration.ZERO : sinceRelease);
  }

  /**
   * Records how this instance learned of a release and how long after the commit: {@code command}
   * (it ran the release), {@code pubsub} or {@code poll} (Spanner). Once per release and instance.
   */
  void releaseLearned(String source, Duration sinceRelease) {
    Timer.builder("examday.gateway.release.learned")
        .description("From the release commit to this instance learning of it, by source")
        .tag("source", source)
        .register(registry)
        .record(sinceRelease.isNegative() ? Duration.ZERO : sinceRelease);
  }

  /** A paper prepared again while candidates waited: {@code sockets} were told to download it. */
  void paperChanged(String examId, int sockets) {
    Counter.builder("examday.gateway.paper.changes")
        .description("Papers replaced before their release, as seen by this instance")
        .tag("exam", examId)
        .register(registry)
        .increment();
    Counter.builder("examday.gateway.paper.change.frames")
        .description("Waiting sockets told to download a replaced paper")
        .register(registry)
        .increment(sockets);
  }

  void slowConsumerDropped() {
    slowConsumers.increment();
  }

  void keyFetchFailed() {
    keyFetchFailures.increment();
  }

  /**
   * Sockets whose session row a batched read answered: {@code read} (row or no row), {@code failed}
   * or {@code timed_out} (those keep their token's deadline).
   */
  void sessionRowsRead(String outcome, int sockets) {
    Counter.builder("examday.gateway.session.reads")
        .description("Connecting sockets whose session row was read, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment(sockets);
  }

  void rejected(CloseReason reason) {
    registry.counter("examday.gateway.connections.closed", "reason", reason.name()).increment();
  }
}
