package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.examday.gateway.testing.TestCandidate;
import io.examday.gateway.testing.TestKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dedicated socket server takes candidates on every event loop, not only the first one. */
class LiveServerTest {

  private static final String EXAM = "exam-loops";

  private final ExamSource waitingExam = LiveFixtures.waitingExams();

  private TestKeys keys;
  private Vertx vertx;
  private LiveGateway live;
  private LiveServer server;

  @BeforeEach
  void start() {
    keys = TestKeys.create();
    vertx = LiveServer.newVertx(2);
    LiveSettings settings =
        LiveFixtures.settings(
            16 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
    live =
        new LiveGateway(
            vertx,
            settings,
            keys.verifier(),
            waitingExam,
            (examId, digest) -> {
              throw new AssertionError("no key may be read for an unreleased exam");
            },
            Clock.systemUTC(),
            new LiveMetrics(new SimpleMeterRegistry()));
    server = LiveServer.start(vertx, live, "127.0.0.1", 0, 4096);
  }

  @AfterEach
  void stop() {
    server.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void candidatesOnOnePortAreSpreadOverEveryEventLoop() {
    assertThat(server.port()).isPositive();
    List<TestCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String token = keys.sessionToken(UUID.randomUUID().toString(), EXAM, 0, Duration.ofHours(1));
      candidates.add(TestCandidate.connect(server.port(), EXAM, token).join());
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> candidates.stream().allMatch(c -> c.frame("hello").isPresent()));
    assertThat(live.connected(EXAM)).isEqualTo(6);
    assertThat(live.eventLoopsServing(EXAM)).isEqualTo(2);
  }

  @Test
  void closingStopsListening() {
    int port = server.port();
    server.close();
    String token = keys.sessionToken(UUID.randomUUID().toString(), EXAM, 0, Duration.ofHours(1));
    assertThat(TestCandidate.connect(port, EXAM, token)).failsWithin(Duration.ofSeconds(10));
    server = LiveServer.start(vertx, live, "127.0.0.1", 0, 4096); // for stop()
  }
}
