package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningScheduleTest {

  private static final Instant DEADLINE = Instant.parse("2026-05-16T12:00:00Z");
  private final WarningSchedule schedule = new WarningSchedule(List.of(15, 5, 1));

  private int due(Duration before, int mask) {
    return schedule.due(DEADLINE, DEADLINE.minus(before), mask);
  }

  @Test
  void nothingDueLongBeforeTheDeadline() {
    assertThat(due(Duration.ofMinutes(16), 0)).isEqualTo(WarningSchedule.NONE);
  }

  @Test
  void eachThresholdFiresOnceInOrder() {
    int mask = 0;
    int first = due(Duration.ofMinutes(15), mask);
    assertThat(schedule.minutesAt(first)).isEqualTo(15);
    mask = schedule.markSent(mask, first);
    assertThat(due(Duration.ofMinutes(14), mask)).isEqualTo(WarningSchedule.NONE);
    int second = due(Duration.ofMinutes(5), mask);
    assertThat(schedule.minutesAt(second)).isEqualTo(5);
    mask = schedule.markSent(mask, second);
    int third = due(Duration.ofSeconds(59), mask);
    assertThat(schedule.minutesAt(third)).isEqualTo(1);
    mask = schedule.markSent(mask, third);
    assertThat(due(Duration.ofSeconds(1), mask)).isEqualTo(WarningSchedule.NONE);
  }

  @Test
  void aLateJoinerGetsOnlyTheMostUrgentWarning() {
    int index = due(Duration.ofMinutes(3), 0);
    assertThat(schedule.minutesAt(index)).isEqualTo(5);
    int mask = schedule.markSent(0, index);
    assertThat(due(Duration.ofMinutes(2), mask)).isEqualTo(WarningSchedule.NONE);
    int last = due(Duration.ofSeconds(40), mask);
    assertThat(schedule.minutesAt(last)).isEqualTo(1);
    assertThat(late(last, Duration.ofSeconds(40))).isFalse();
  }

  @Test
  void aWarningIsSentUpToAMinuteAfterItsMarkAndNotLater() {
    int five = due(Duration.ofMinutes(5), 0);
    assertThat(late(five, Duration.ofMinutes(5))).isFalse();
    assertThat(late(five, Duration.ofSeconds(4 * 60 + 30))).isFalse(); // reconnected just after
    assertThat(late(five, Duration.ofMinutes(4))).isFalse();
    assertThat(late(five, Duration.ofSeconds(4 * 60 - 1))).isTrue(); // "5 minutes" would be untrue
    int fifteen = due(Duration.ofMinutes(10), 0);
    assertThat(schedule.minutesAt(fifteen)).isEqualTo(15);
    assertThat(late(fifteen, Duration.ofMinutes(10))).isTrue();
    assertThat(late(due(Duration.ofSeconds(1), 0), Duration.ofSeconds(1))).isFalse();
  }

  private boolean late(int index, Duration before) {
    return schedule.isLate(index, DEADLINE, DEADLINE.minus(before));
  }

  @Test
  void noWarningAfterTheDeadline() {
    assertThat(schedule.due(DEADLINE, DEADLINE.plusSeconds(1), 0)).isEqualTo(WarningSchedule.NONE);
  }

  @Test
  void anExtensionReplansPostponedWarnings() {
    Instant now = DEADLINE.minus(Duration.ofMinutes(4));
    int mask = schedule.markSent(0, due(Duration.ofMinutes(4), 0)); // 5 and 15 sent
    Instant extended = DEADLINE.plus(Duration.ofMinutes(20));
    int replanned = schedule.replan(extended, now, mask);
    assertThat(
            schedule.minutesAt(
                schedule.due(extended, extended.minus(Duration.ofMinutes(15)), replanned)))
        .isEqualTo(15);
  }

  @Test
  void noWarningIsDueBeforeTheLongestLead() {
    // The sweep skips candidates' deadline arithmetic until the first warning's lead: check the
    // lead is the least urgent threshold, and that nothing is due a moment before it.
    assertThat(schedule.longestLead()).isEqualTo(Duration.ofMinutes(15));
    Instant justBefore = DEADLINE.minus(schedule.longestLead()).minusMillis(1);
    assertThat(schedule.due(DEADLINE, justBefore, 0)).isEqualTo(WarningSchedule.NONE);
    assertThat(schedule.due(DEADLINE, justBefore.plusMillis(1), 0))
        .isNotEqualTo(WarningSchedule.NONE);
  }
}
