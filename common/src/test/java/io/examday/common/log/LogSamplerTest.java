package io.examday.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LogSamplerTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final LogSampler sampler = new LogSampler(clock, Duration.ofSeconds(1));

  private void advance(long millis) {
    now.set(now.get().plusMillis(millis));
  }

  @Test
  void theFirstEventIsReportedAtOnceTheRestOncePerWindowWithTheirCount() {
    assertThat(sampler.admit("redis")).isEqualTo(1);
    for (int i = 0; i < 499; i++) {
      advance(1);
      assertThat(sampler.admit("redis")).isZero();
    }
    advance(501);
    assertThat(sampler.admit("redis")).as("499 silent + this one").isEqualTo(500);
    advance(10);
    assertThat(sampler.admit("redis")).isZero();
  }

  @Test
  void kindsAreCountedApart() {
    assertThat(sampler.admit("redis")).isEqualTo(1);
    assertThat(sampler.admit("spanner")).isEqualTo(1);
    assertThat(sampler.admit("redis")).isZero();
  }

  @Test
  void aQuietSpellEndsTheWindow() {
    assertThat(sampler.admit("redis")).isEqualTo(1);
    advance(60_000);
    assertThat(sampler.admit("redis")).isEqualTo(1);
  }
}
