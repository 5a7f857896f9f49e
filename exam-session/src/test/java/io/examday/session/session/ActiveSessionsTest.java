package io.examday.session.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ActiveSessionsTest {

  private final AtomicLong nanos = new AtomicLong();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final ActiveSessions active = new ActiveSessions(metrics, nanos::get);

  @Test
  void aSessionCountsUntilTwoMinutesAfterItsLastSave() {
    active.touch("a");
    active.touch("b");
    active.touch("a");
    assertThat(gauge()).isEqualTo(2);

    advance(Duration.ofSeconds(90));
    active.touch("a"); // still counted: only read, and that read keeps it
    advance(Duration.ofSeconds(60));
    assertThat(gauge()).isEqualTo(1); // b's last save was 150 s ago, a's 60 s ago

    advance(Duration.ofSeconds(61));
    assertThat(gauge()).isZero();
    active.touch("a"); // back after a pause: counted again
    assertThat(gauge()).isEqualTo(1);
  }

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  private double gauge() {
    return metrics.get("examday.sessions.active").gauge().value();
  }
}
