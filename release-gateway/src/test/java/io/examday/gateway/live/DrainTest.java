package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.examday.gateway.testing.TestCandidate;
import io.examday.gateway.testing.TestKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stopping gateway sends its candidates elsewhere (1001 GOING_AWAY) in batches spread over the
 * drain period, not all at once, and sends a socket that arrives meanwhile away at once.
 */
class DrainTest {

  private static final String EXAM = "exam-drain";
  private static final Duration DRAIN = Duration.ofSeconds(2);
  private static final Duration AWAIT = Duration.ofSeconds(10);
  private static final int SOCKETS = 40;

  private TestKeys keys;
  private TestGateway gateway;
  private LiveGateway live;

  @BeforeEach
  void start() {
    keys = TestKeys.create();
    gateway =
        TestGateway.start(
            LiveFixtures.drainSettings(DRAIN),
            keys,
            LiveFixtures.waitingExams(),
            TestGateway.NO_KEY,
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    live = gateway.live();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void socketsAreSentAwayInBatchesOverTheDrainPeriod() {
    List<CompletableFuture<TestCandidate>> connecting = new ArrayList<>();
    for (int i = 0; i < SOCKETS; i++) {
      connecting.add(connecting());
    }
    List<TestCandidate> candidates = connecting.stream().map(CompletableFuture::join).toList();
    await()
        .atMost(AWAIT)
        .until(() -> candidates.stream().allMatch(c -> c.frame("hello").isPresent()));
    assertThat(live.connected()).isEqualTo(SOCKETS);

    Future<Void> drained = live.stop();
    await().atMost(AWAIT).until(() -> candidates.stream().anyMatch(TestCandidate::closed));
    long closedAtFirst = candidates.stream().filter(TestCandidate::closed).count();
    // the first batch went at once; the rest follow over the next 2 s, one batch per 100 ms
    assertThat(closedAtFirst).isLessThan(SOCKETS / 2);
    TestCandidate late = connecting().join();
    await().atMost(AWAIT).until(late::closed);
    assertThat(late.closeCode).isEqualTo(CloseReason.GOING_AWAY.code());
    assertThat(late.frame("hello")).isEmpty();

    await().atMost(AWAIT).until(() -> candidates.stream().allMatch(TestCandidate::closed));
    assertThat(candidates)
        .allSatisfy(c -> assertThat(c.closeCode).isEqualTo(CloseReason.GOING_AWAY.code()));
    await().atMost(AWAIT).until(drained::isComplete);
    assertThat(drained.succeeded()).isTrue();
  }

  private CompletableFuture<TestCandidate> connecting() {
    String token = keys.sessionToken(UUID.randomUUID().toString(), EXAM, 0, Duration.ofHours(1));
    return TestCandidate.connect(gateway.port(), EXAM, token);
  }
}
