package io.examday.gateway.live;

import io.examday.gateway.exam.ExamInfo;
import io.examday.gateway.exam.ReleaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The live gateway's test settings and exams, shared by its tests. */
final class LiveFixtures {

  private LiveFixtures() {}

  /** Fast heartbeats and sweeps, warnings at 15/5/1 min; the rest as given. */
  static LiveSettings settings(
      int writeQueueBytes, Duration poll, Duration watch, Duration examLoadTimeout) {
    return new LiveSettings(
        4096,
        writeQueueBytes,
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        Duration.ofMillis(200),
        poll,
        watch,
        Duration.ofMinutes(2),
        List.of(15, 5, 1),
        examLoadTimeout,
        Duration.ZERO);
  }

  /** Heartbeats as given, a sweep every 20 ms; nothing else happens within a test. */
  static LiveSettings heartbeatSettings(Duration heartbeatInterval, Duration idleTimeout) {
    return new LiveSettings(
        4096,
        16 * 1024,
        heartbeatInterval,
        idleTimeout,
        Duration.ofMillis(20),
        Duration.ofHours(1),
        Duration.ofHours(1),
        Duration.ofMinutes(2),
        List.of(15, 5, 1),
        Duration.ofSeconds(5),
        Duration.ZERO);
  }

  /** Slow heartbeats (nothing but the drain happens within a test); sockets drained as given. */
  static LiveSettings drainSettings(Duration drainPeriod) {
    return new LiveSettings(
        4096,
        16 * 1024,
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMillis(200),
        Duration.ofHours(1),
        Duration.ofHours(1),
        Duration.ofMinutes(2),
        List.of(15, 5, 1),
        Duration.ofSeconds(5),
        drainPeriod);
  }

  /** An exam an hour before its start, paper prepared, not released. */
  static ExamInfo waitingExam(String examId) {
    return new ExamInfo(
        examId,
        Instant.now().plusSeconds(3600),
        Duration.ofHours(2),
        Optional.of("0".repeat(64)),
        Optional.empty());
  }

  /** A source in which every exam is an hour before its start and none is released. */
  static ExamSource waitingExams() {
    return new ExamSource() {
      @Override
      public ExamInfo load(String examId) {
        return waitingExam(examId);
      }

      @Override
      public List<ReleaseRecord> releases(Collection<String> examIds) {
        return List.of();
      }
    };
  }
}
