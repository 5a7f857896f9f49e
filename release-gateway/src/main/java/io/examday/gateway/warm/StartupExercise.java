package io.examday.gateway.warm;

import io.examday.gateway.config.GatewayConfig;
import io.examday.gateway.live.LiveSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the {@link SocketExercise} once, when the instance starts, on a thread of its own. Readiness
 * stays down until it has ended ({@link ExerciseReadiness}), so the load balancer sends no
 * candidate to a cold instance. An exercise that fails or times out is logged and counted, and the
 * instance becomes ready anyway: cold is better than absent.
 */
@Singleton
public class StartupExercise {

  private static final Logger LOG = Logger.getLogger(StartupExercise.class);

  /** The throwaway gateway's event loops (a Vert.x instance of its own, closed at the end). */
  private static final int EVENT_LOOPS = 2;

  /**
   * How it ended.
   *
   * @param outcome DONE (every socket got its hello), UNEXPECTED (some did not), FAILED (it could
   *     not run or timed out), OFF (disabled)
   * @param sockets sockets opened
   * @param hellos sockets that got their hello
   * @param millis how long it took
   */
  public record Outcome(String outcome, int sockets, int hellos, long millis) {}

  private final GatewayConfig.StartupExercise config;
  private final SocketExercise exercise;
  private final MeterRegistry metrics;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Outcome outcome;

  public StartupExercise(
      GatewayConfig config, LiveSettings settings, Clock clock, MeterRegistry metrics) {
    this.config = config.startupExercise();
    this.exercise = new SocketExercise(EVENT_LOOPS, settings, clock);
    this.metrics = metrics;
  }

  void start(@Observes StartupEvent startup) {
    if (!config.enabled()) {
      finish(new Outcome("OFF", 0, 0, 0));
      return;
    }
    Thread.ofVirtual().name("startup-exercise").start(this::runOnce);
  }

  /** How it ended, once it has. */
  public Optional<Outcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** Waits for the end; false if it did not come within {@code timeout}. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    long started = System.nanoTime();
    LOG.infof(
        "start-up exercise: %d candidate sockets to a throwaway gateway; not ready until it ends",
        config.sockets());
    Outcome result;
    try {
      SocketExercise.Report report =
          exercise.run(config.sockets(), config.concurrency(), config.timeout());
      report
          .firstFailure()
          .ifPresent(
              failure ->
                  LOG.warnf(
                      "start-up exercise: %d of %d sockets got no hello; the first: %s",
                      report.sockets() - report.hellos(), report.sockets(), failure));
      result =
          new Outcome(
              report.hellos() == report.sockets() ? "DONE" : "UNEXPECTED",
              report.sockets(),
              report.hellos(),
              report.millis());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warnf(
          "start-up exercise failed (%s: %s); the instance becomes ready cold",
          e.getClass().getSimpleName(), e.getMessage());
      result =
          new Outcome("FAILED", 0, 0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
    finish(result);
  }

  private void finish(Outcome result) {
    outcome = result;
    Timer.builder("examday.gateway.startup.exercise")
        .description("This instance's start-up exercise (candidate sockets to a throwaway gateway)")
        .tag("outcome", result.outcome())
        .register(metrics)
        .record(Duration.ofMillis(result.millis()));
    if (!"OFF".equals(result.outcome())) {
      LOG.infof(
          "start-up exercise %s: %d sockets, %d hellos, %d ms",
          result.outcome(), result.sockets(), result.hellos(), result.millis());
    }
    finished.countDown();
  }
}
