package io.examday.session.warm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.spanner.Mutation;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.domain.CredentialHasher;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.login.LoginService;
import io.examday.session.spanner.Transactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A new pod sits a small exam before it takes traffic. Its JIT has compiled nothing yet, and the
 * first real saves come in the seconds after a release, at the highest load of the day: in the
 * rehearsal on 2 cores, every save of the first seconds after the release waited 0.2-1.1 s on a
 * cold pod (the fastest included), while a pod that had served a rehearsal before answered them
 * with a p99 under 0.1 s. So after the HTTP server starts, the pod creates a throwaway exam ({@link
 * SyntheticExam}), stages it like a real one, drives its synthetic candidates through this pod's
 * own HTTP API in the order of an exam day ({@link ExerciseScript}), then deletes every row it
 * wrote. Readiness stays down until it is over ({@link ExerciseReadiness}), so no candidate reaches
 * a cold pod.
 *
 * <p>An exercise that fails (storage down, time-out) is logged and counted, and the pod becomes
 * ready anyway: readiness of storage is {@code StorageReadiness}'s job, and a pod that cannot warm
 * up is still better in service than not.
 */
@Singleton
public class StartupExercise {

  private static final Logger LOG = Logger.getLogger(StartupExercise.class);
  private static final int QUESTIONS = 10;

  private final ExamSessionConfig.StartupExerciseConfig config;
  private final Transactions transactions;
  private final ExamCatalog exams;
  private final ExamWarmer warmer;
  private final CredentialHasher hasher;
  private final ObjectMapper json;
  private final HttpServer server;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile ExerciseReport report;

  public StartupExercise(
      ExamSessionConfig config,
      Transactions transactions,
      ExamCatalog exams,
      ExamWarmer warmer,
      LoginService login,
      ObjectMapper json,
      HttpServer server,
      Clock clock,
      MeterRegistry metrics) {
    this.config = config.startupExercise();
    this.transactions = transactions;
    this.exams = exams;
    this.warmer = warmer;
    this.hasher = login.hasher();
    this.json = json;
    this.server = server;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Quarkus fires this asynchronously once the HTTP server listens. */
  void onHttpServerStart(@ObservesAsync HttpServerStart start) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    if (!config.enabled()) {
      finish(ExerciseReport.off());
      return;
    }
    Thread.ofVirtual().name("startup-exercise").start(this::runOnce);
  }

  /** The report once the exercise is over; empty while it runs (or before the server started). */
  public Optional<ExerciseReport> report() {
    return Optional.ofNullable(report);
  }

  /** Waits for the exercise to end; false if it did not within {@code timeout}. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    long started = System.nanoTime();
    ExerciseReport result;
    LOG.infof(
        "start-up exercise: %d synthetic candidates, %d logins and %d saves each; not ready until"
            + " it ends",
        config.candidates(), config.loginsPerCandidate(), config.savesPerCandidate());
    try {
      result = exercise(URI.create("http://127.0.0.1:" + server.getPort()), started);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warnf(
          "start-up exercise failed (%s); the pod becomes ready cold",
          e instanceof java.util.concurrent.TimeoutException
              ? "a phase outlasted examday.startup-exercise.timeout, " + config.timeout()
              : e.getClass().getSimpleName() + ": " + e.getMessage());
      result = ExerciseReport.failed(millisSince(started));
    }
    finish(result);
  }

  private void finish(ExerciseReport result) {
    report = result;
    Timer.builder("examday.startup.exercise")
        .description("The start-up exercise of this pod (synthetic exam through its own API)")
        .tag("outcome", result.outcome())
        .register(metrics)
        .record(Duration.ofMillis(result.millis()));
    if (!"OFF".equals(result.outcome())) {
      LOG.infof(
          "start-up exercise %s: %d synthetic candidates, %d requests, %d unexpected, %d ms",
          result.outcome(),
          result.candidates(),
          result.requests(),
          result.unexpected(),
          result.millis());
    }
    finished.countDown();
  }

  private ExerciseReport exercise(URI base, long started) throws Exception {
    SyntheticExam exam = SyntheticExam.random(config.candidates(), QUESTIONS, new SecureRandom());
    write(exam.creation(hasher, clock.instant()));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ExerciseClient client = new ExerciseClient(http, base, json);
    try (ExecutorService candidates = Executors.newVirtualThreadPerTaskExecutor()) {
      warmer.warm(exam.examId());
      List<ExerciseClient.Login> waiting = new ArrayList<>();
      for (ExerciseClient.Login login :
          each(
              candidates,
              exam.candidates(),
              c -> ExerciseScript.waitForStart(client, c, config.loginsPerCandidate()))) {
        if (login != null) {
          waiting.add(login);
        }
      }
      write(List.of(exam.release()));
      exams.forget(exam.examId());
      each(
          candidates,
          waiting,
          login -> {
            ExerciseScript.sitExam(client, login, exam.questionIds(), config.savesPerCandidate());
            return null;
          });
    } finally {
      write(exam.removal());
      exams.forget(exam.examId());
      http.close();
    }
    return new ExerciseReport(
        client.unexpected() == 0 ? "DONE" : "UNEXPECTED",
        exam.candidates().size(),
        client.requests(),
        client.unexpected(),
        millisSince(started));
  }

  /**
   * Runs {@code work} for every item on its own virtual thread; their results, in order. If one
   * fails or the phase outlasts {@code timeout}, the others are interrupted (the executor's close
   * would otherwise wait for every candidate's remaining requests).
   */
  private <T, R> List<R> each(ExecutorService threads, List<T> items, Work<T, R> work)
      throws Exception {
    List<Future<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(threads.submit(() -> work.run(item)));
    }
    long deadline = System.nanoTime() + config.timeout().toNanos();
    List<R> results = new ArrayList<>(items.size());
    try {
      for (Future<R> future : futures) {
        results.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
    } catch (Exception e) {
      threads.shutdownNow();
      throw e;
    }
    return results;
  }

  /** The synthetic exam's rows are written in a transaction of their own, apart from any save. */
  private void write(Iterable<Mutation> rows) {
    transactions.run(
        tx -> {
          tx.buffer(rows);
          return null;
        });
  }

  @FunctionalInterface
  private interface Work<T, R> {
    R run(T item) throws Exception;
  }

  private static long millisSince(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
  }
}
