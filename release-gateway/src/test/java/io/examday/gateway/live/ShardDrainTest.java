package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShardDrainTest {

  @Test
  void batchesCoverEverySocketWithinThePeriod() {
    assertThat(ShardDrain.perBatch(20_000, Duration.ofSeconds(10))).isEqualTo(200);
    assertThat(ShardDrain.perBatch(40, Duration.ofSeconds(2))).isEqualTo(2);
    assertThat(ShardDrain.perBatch(41, Duration.ofSeconds(2))).isEqualTo(3);
    assertThat(ShardDrain.perBatch(3, Duration.ofSeconds(10))).isEqualTo(1);
    assertThat(ShardDrain.perBatch(3, Duration.ZERO)).isEqualTo(3);
    assertThat(ShardDrain.perBatch(0, Duration.ZERO)).isEqualTo(1);
  }
}
