package io.examday.session.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {

  @Test
  void waitsAreSaidInWholeUnitsRoundedUp() {
    assertThat(LoginRateLimiter.inWords(Duration.ofMillis(1))).isEqualTo("1 second");
    assertThat(LoginRateLimiter.inWords(Duration.ofMillis(40_001))).isEqualTo("41 seconds");
    assertThat(LoginRateLimiter.inWords(Duration.ofSeconds(59))).isEqualTo("59 seconds");
    assertThat(LoginRateLimiter.inWords(Duration.ofSeconds(60))).isEqualTo("1 minute");
    assertThat(LoginRateLimiter.inWords(Duration.ofSeconds(61))).isEqualTo("2 minutes");
    assertThat(LoginRateLimiter.inWords(Duration.ofMinutes(5))).isEqualTo("5 minutes");
  }
}
