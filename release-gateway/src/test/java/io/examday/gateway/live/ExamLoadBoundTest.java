package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.examday.common.token.SessionTokenVerifier;
import io.examday.gateway.exam.ExamInfo;
import io.examday.gateway.exam.ReleaseRecord;
import io.examday.gateway.testing.TestCandidate;
import io.examday.gateway.testing.TestKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A candidate never waits in silence for an exam read that does not finish: the read is bounded,
 * the socket is closed with TRY_AGAIN_LATER, and the next connect reads the exam again.
 */
class ExamLoadBoundTest {

  private static final String EXAM = "exam-load-bound";
  private static final Duration LOAD_TIMEOUT = Duration.ofMillis(300);

  private final CountDownLatch readsMayFinish = new CountDownLatch(1);
  private final AtomicInteger reads = new AtomicInteger();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private TestKeys keys;
  private Vertx vertx;
  private LiveGateway live;
  private LiveServer server;

  /** The first read of the exam hangs (until the test lets it go), later reads answer at once. */
  private final ExamSource hangingOnce =
      new ExamSource() {
        @Override
        public ExamInfo load(String examId) {
          if (reads.incrementAndGet() == 1) {
            awaitQuietly(readsMayFinish);
          }
          return LiveFixtures.waitingExam(examId);
        }

        @Override
        public List<ReleaseRecord> releases(Collection<String> examIds) {
          return List.of();
        }
      };

  @BeforeEach
  void start() {
    keys = TestKeys.create();
    vertx = Vertx.vertx();
    SessionTokenVerifier verifier = keys.verifier();
    LiveSettings settings =
        LiveFixtures.settings(
            16 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(2), LOAD_TIMEOUT);
    KeySource noKeyBeforeRelease =
        (examId, digest) -> {
          throw new AssertionError("no key may be read for an unreleased exam");
        };
    live =
        new LiveGateway(
            vertx,
            settings,
            verifier,
            hangingOnce,
            noKeyBeforeRelease,
            Clock.systemUTC(),
            new LiveMetrics(meters));
    server = LiveServer.start(vertx, live, "127.0.0.1", 0, 4096);
  }

  @AfterEach
  void stop() {
    readsMayFinish.countDown();
    server.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void aReadThatDoesNotFinishClosesTheSocketWithTryAgainLaterAndTheNextConnectReadsAgain() {
    TestCandidate waiting = connect();

    await().atMost(Duration.ofSeconds(10)).until(waiting::closed);
    assertThat(waiting.closeCode).isEqualTo(CloseReason.TRY_AGAIN_LATER.code());
    assertThat(waiting.closeReason).isEqualTo("TRY_AGAIN_LATER");
    assertThat(waiting.frames).isEmpty();
    assertThat(
            meters
                .counter("examday.gateway.connections.closed", "reason", "TRY_AGAIN_LATER")
                .count())
        .isEqualTo(1);

    TestCandidate retried = connect();
    await().atMost(Duration.ofSeconds(10)).until(() -> retried.frame("hello").isPresent());
    assertThat(retried.frame("hello").orElseThrow().getString("state")).isEqualTo("WAITING");
    assertThat(reads.get()).isEqualTo(2);
    assertThat(live.connected(EXAM)).isEqualTo(1);
    assertThat(meters.get("examday.gateway.connected.candidates").tag("exam", EXAM).gauge().value())
        .as("the gauge follows the exam's new channel")
        .isEqualTo(1.0);
  }

  private TestCandidate connect() {
    String token = keys.sessionToken(UUID.randomUUID().toString(), EXAM, 0, Duration.ofHours(1));
    return TestCandidate.connect(server.port(), EXAM, token).join();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
