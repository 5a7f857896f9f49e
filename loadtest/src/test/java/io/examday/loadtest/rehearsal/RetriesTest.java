package io.examday.loadtest.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetriesTest {

  @Test
  void noAnswerAndTryAgainAnswersAreRetriedOthersAreNot() {
    assertThat(Retries.retryable(null)).isTrue();
    assertThat(Retries.retryable(503)).isTrue();
    assertThat(Retries.retryable(502)).isTrue();
    assertThat(Retries.retryable(504)).isTrue();
    assertThat(Retries.retryable(500)).isFalse();
    assertThat(Retries.retryable(409)).isFalse();
    assertThat(Retries.retryable(401)).isFalse();
    assertThat(Retries.unanswered(null)).isTrue();
    assertThat(Retries.unanswered(503)).isFalse();
  }

  @Test
  void delaysHaveFullJitterUnderADoublingCap() {
    assertThat(Retries.delay(0, () -> 0.99)).isEqualTo(Duration.ZERO);
    assertThat(Retries.delay(1, () -> 0.99)).isEqualTo(Duration.ofMillis(495));
    assertThat(Retries.delay(2, () -> 0.5)).isEqualTo(Duration.ofMillis(500));
    assertThat(Retries.delay(3, () -> 0.0)).isEqualTo(Duration.ZERO);
    assertThat(Retries.delay(7, () -> 0.5)).isEqualTo(Duration.ofSeconds(15));
    assertThat(Retries.delay(40, () -> 0.5)).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    assertThat(Retries.again(1, 503)).isTrue();
    assertThat(Retries.again(Retries.MAX_ATTEMPTS - 1, null)).isTrue();
    assertThat(Retries.again(Retries.MAX_ATTEMPTS, 503)).isFalse();
    assertThat(Retries.again(1, 409)).isFalse();
  }
}
