package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PingScheduleTest {

  private final PingSchedule schedule = new PingSchedule(Duration.ofSeconds(25));

  @Test
  void socketsThatConnectTogetherArePingedSpreadOverTheInterval() {
    int[] perSecond = new int[27];
    int sockets = 100_000;
    for (int i = 0; i < sockets; i++) {
      int first = schedule.firstPing(UUID.randomUUID().toString(), 0);
      assertThat(first).isBetween(1, 25);
      perSecond[first]++;
    }
    // An even spread is 4,000 a second; one burst would be 100,000 in one second.
    for (int second = 1; second <= 25; second++) {
      assertThat(perSecond[second]).as("pings at second %d", second).isBetween(3_500, 4_500);
    }
  }

  @Test
  void aSocketIsPingedOncePerIntervalFromItsSlot() {
    int next = schedule.firstPing("session-1", 100);
    int pings = 0;
    for (int now = 100; now < 100 + 250; now++) {
      if (schedule.due(next, now)) {
        pings++;
        next = schedule.next(now);
      }
    }
    assertThat(pings).isEqualTo(10);
  }

  @Test
  void aSkippedSweepDelaysThePingItDoesNotDropIt() {
    int next = schedule.firstPing("session-2", 0);
    assertThat(schedule.due(next, next - 1)).isFalse();
    assertThat(schedule.due(next, next + 3)).isTrue(); // the sweep at `next` did not run
  }

  @Test
  void anIntervalUnderASecondStillPingsEverySecond() {
    PingSchedule fast = new PingSchedule(Duration.ofMillis(200));
    assertThat(fast.firstPing("s", 10)).isEqualTo(11);
    assertThat(fast.next(11)).isEqualTo(12);
  }
}
