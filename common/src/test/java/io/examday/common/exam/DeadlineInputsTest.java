package io.examday.common.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadlineInputsTest {

  private static final Instant RELEASE = Instant.parse("2026-05-16T09:00:00Z");

  private static DeadlineInputs inputs(Duration completedPauses, Optional<Instant> pausedAt) {
    return new DeadlineInputs(
        Optional.of(RELEASE),
        Duration.ofHours(3),
        Duration.ofMinutes(20),
        Duration.ofMinutes(5),
        completedPauses,
        pausedAt);
  }

  @Test
  void addsDurationExtraTimeAndPauses() {
    assertThat(inputs(Duration.ofMinutes(2), Optional.empty()).deadline(RELEASE))
        .contains(Instant.parse("2026-05-16T12:27:00Z"));
  }

  @Test
  void runningPausePushesDeadlineBack() {
    Instant pausedAt = RELEASE.plus(Duration.ofHours(1));
    DeadlineInputs paused = inputs(Duration.ZERO, Optional.of(pausedAt));
    assertThat(paused.deadline(pausedAt.plusSeconds(90)))
        .contains(Instant.parse("2026-05-16T12:26:30Z"));
  }

  @Test
  void noDeadlineBeforeRelease() {
    DeadlineInputs waiting =
        new DeadlineInputs(
            Optional.empty(),
            Duration.ofHours(3),
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Optional.empty());
    assertThat(waiting.deadline(RELEASE)).isEmpty();
    assertThat(waiting.remaining(RELEASE)).isEmpty();
  }

  @Test
  void remainingNeverNegative() {
    assertThat(inputs(Duration.ZERO, Optional.empty()).remaining(RELEASE.plus(Duration.ofHours(5))))
        .contains(Duration.ZERO);
  }
}
