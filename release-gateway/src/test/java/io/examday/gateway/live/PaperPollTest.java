package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.examday.gateway.exam.ExamInfo;
import io.examday.gateway.exam.ReleaseRecord;
import io.examday.gateway.testing.TestCandidate;
import io.examday.gateway.testing.TestKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The poll's paper side, without Spanner: a replaced paper is announced once to waiting sockets,
 * never after the release, and a failing paper read does not hold up the release it polls with.
 */
class PaperPollTest {

  private static final String EXAM = "exam-paper-poll";
  private static final String FIRST = "1".repeat(64);
  private static final String SECOND = "2".repeat(64);

  private volatile Map<String, String> papers = Map.of(EXAM, FIRST);
  private volatile boolean papersFail;
  private volatile ReleaseRecord release;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private TestKeys keys;
  private TestGateway gateway;

  private final ExamSource source =
      new ExamSource() {
        @Override
        public ExamInfo load(String examId) {
          ExamInfo waiting = LiveFixtures.waitingExam(examId);
          return new ExamInfo(
              examId,
              waiting.scheduledStart(),
              waiting.duration(),
              java.util.Optional.of(FIRST),
              java.util.Optional.empty());
        }

        @Override
        public List<ReleaseRecord> releases(Collection<String> examIds) {
          ReleaseRecord r = release;
          return r == null ? List.of() : List.of(r);
        }

        @Override
        public Map<String, String> papers(Collection<String> examIds) {
          if (papersFail) {
            throw new IllegalStateException("Spanner unavailable");
          }
          return papers;
        }
      };

  @BeforeEach
  void start() {
    keys = TestKeys.create();
    gateway =
        TestGateway.start(
            LiveFixtures.settings(
                16 * 1024, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(5)),
            keys,
            source,
            (examId, digest) -> new byte[32],
            Clock.systemUTC(),
            meters);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void aReplacedPaperIsAnnouncedOnceAndNotAfterTheRelease() {
    TestCandidate waiting = connect();
    assertThat(waiting.frame("hello").orElseThrow().getString("paperDigest")).isEqualTo(FIRST);

    papers = Map.of(EXAM, SECOND);
    await().atMost(Duration.ofSeconds(5)).until(() -> waiting.frame("paper").isPresent());
    assertThat(waiting.frame("paper").orElseThrow().getString("paperDigest")).isEqualTo(SECOND);
    assertThat(connect().frame("hello").orElseThrow().getString("paperDigest")).isEqualTo(SECOND);

    release = new ReleaseRecord(EXAM, Instant.now(), "proctor", true, SECOND);
    await().atMost(Duration.ofSeconds(5)).until(() -> waiting.frame("release").isPresent());
    papers = Map.of(EXAM, "3".repeat(64)); // cannot happen after a release; ignored if it did
    await()
        .during(Duration.ofMillis(500)) // five polls
        .atMost(Duration.ofSeconds(2))
        .until(() -> count(waiting, "paper") == 1);
  }

  @Test
  void aFailingPaperReadDoesNotHoldUpTheRelease() {
    TestCandidate waiting = connect();
    papersFail = true;
    release = new ReleaseRecord(EXAM, Instant.now(), "proctor", true, FIRST);

    await().atMost(Duration.ofSeconds(5)).until(() -> waiting.frame("release").isPresent());
    assertThat(waiting.frame("paper")).isEmpty();
  }

  private TestCandidate connect() {
    String token = keys.sessionToken(UUID.randomUUID().toString(), EXAM, 0, Duration.ofHours(1));
    TestCandidate candidate = TestCandidate.connect(gateway.port(), EXAM, token).join();
    await().atMost(Duration.ofSeconds(5)).until(() -> candidate.frame("hello").isPresent());
    return candidate;
  }

  private static long count(TestCandidate candidate, String type) {
    return candidate.frames.stream().filter(f -> type.equals(f.getString("type"))).count();
  }
}
