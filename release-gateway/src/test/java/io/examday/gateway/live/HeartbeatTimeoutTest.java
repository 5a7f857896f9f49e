package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.examday.common.testing.MutableClock;
import io.examday.gateway.testing.TestCandidate;
import io.examday.gateway.testing.TestKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A socket that stops answering pings is closed with 4408 HEARTBEAT_TIMEOUT by the sweep, on the
 * dedicated port; one that answers stays. The gateway's clock is moved by hand (the sweep runs
 * every 20 ms and reads it), so the idle timeout passes without waiting for it.
 */
class HeartbeatTimeoutTest {

  private static final String EXAM = "exam-heartbeat";
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration AWAIT = Duration.ofSeconds(10);

  private final ExamSource waitingExam = LiveFixtures.waitingExams();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock(Instant.now());
  private TestKeys keys;
  private TestGateway gateway;
  private LiveGateway live;

  @BeforeEach
  void start() {
    keys = TestKeys.create();
    gateway =
        TestGateway.start(
            LiveFixtures.heartbeatSettings(HEARTBEAT, IDLE_TIMEOUT),
            keys,
            waitingExam,
            TestGateway.NO_KEY,
            clock,
            meters);
    live = gateway.live();
  }

  @AfterEach
  void stop() {
    live.stop();
    gateway.close();
  }

  @Test
  void aSocketThatStopsAnsweringPingsIsClosedAndOneThatAnswersStays() {
    TestCandidate silent = helloed();
    clock.advance(Duration.ofSeconds(3));
    await().atMost(AWAIT).until(() -> silent.frame("ping").isPresent());
    TestCandidate answering = helloed(); // connected 3 s after the silent one

    clock.advance(Duration.ofSeconds(3)); // silent for 6 s, over the 5 s timeout; answering for 3
    await().atMost(AWAIT).until(silent::closed);
    assertThat(silent.closeCode).isEqualTo(CloseReason.HEARTBEAT_TIMEOUT.code());
    assertThat(silent.closeReason).isEqualTo("HEARTBEAT_TIMEOUT");
    // counted once, however many sweeps pass before the client's answer to the close arrives
    clock.advance(Duration.ofSeconds(1));
    assertThat(
            meters
                .counter("examday.gateway.connections.closed", "reason", "HEARTBEAT_TIMEOUT")
                .count())
        .isEqualTo(1.0);

    // Answering every ping keeps a socket open well past the idle timeout (3 + 4 + 4 + 4 s > 5 s).
    await().atMost(AWAIT).until(() -> pings(answering) > 0);
    for (int round = 0; round < 3; round++) {
      answering.send("{\"type\":\"pong\"}");
      int pings = pings(answering);
      clock.advance(Duration.ofSeconds(4));
      await().atMost(AWAIT).until(() -> pings(answering) > pings); // swept at the new time
    }
    assertThat(answering.closed()).isFalse();
    assertThat(live.connected(EXAM)).isEqualTo(1);
  }

  private static int pings(TestCandidate candidate) {
    return (int) candidate.frames.stream().filter(f -> "ping".equals(f.getString("type"))).count();
  }

  private TestCandidate helloed() {
    String token = keys.sessionToken(UUID.randomUUID().toString(), EXAM, 0, Duration.ofHours(1));
    TestCandidate candidate = TestCandidate.connect(gateway.port(), EXAM, token).join();
    await().atMost(AWAIT).until(() -> candidate.frame("hello").isPresent());
    return candidate;
  }
}
