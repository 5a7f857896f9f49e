package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LiveMetrics metrics = new LiveMetrics(registry);

  private Timer fanOut() {
    return registry.get("examday.gateway.release.fanout").tag("exam", "e1").timer();
  }

  @Test
  void aFanOutThatLooksFasterThanTheCommitCountsAsZero() {
    metrics.fanOutFinished("e1", Duration.ofMillis(-9)); // this pod's clock behind Spanner's

    assertThat(fanOut().count()).isEqualTo(1);
    assertThat(fanOut().totalTime(TimeUnit.MILLISECONDS)).isZero();
  }

  @Test
  void howAReleaseWasLearnedIsCountedBySourceWithItsLag() {
    metrics.releaseLearned("poll", Duration.ofMillis(180));
    metrics.releaseLearned("pubsub", Duration.ofMillis(-2)); // this pod's clock behind Spanner's

    Timer poll = registry.get("examday.gateway.release.learned").tag("source", "poll").timer();
    Timer pubsub = registry.get("examday.gateway.release.learned").tag("source", "pubsub").timer();
    assertThat(poll.count()).isEqualTo(1);
    assertThat(poll.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(180.0);
    assertThat(pubsub.totalTime(TimeUnit.MILLISECONDS)).isZero();
  }

  @Test
  void aFanOutIsRecordedAsMeasured() {
    metrics.fanOutFinished("e1", Duration.ofMillis(706));

    assertThat(fanOut().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(706.0);
  }
}
