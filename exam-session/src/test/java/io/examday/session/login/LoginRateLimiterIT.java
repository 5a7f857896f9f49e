package io.examday.session.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.examday.common.error.ExamdayException;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.error.SessionError;
import io.examday.session.support.ExamSessionTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The failed-login limit on the real Redis: its window, its expiry, what a refusal says. */
@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class LoginRateLimiterIT {

  @Inject LoginRateLimiter limiter;
  @Inject UnifiedJedis redis;
  @Inject ExamSessionConfig config;

  private final String roll = "rate-" + UUID.randomUUID();

  @Test
  void theWindowStartsAtTheFirstFailureAndIsNotExtendedByLaterOnes() throws Exception {
    String key = RollNumberKeys.failures(roll);
    limiter.recordFailure(roll);
    long first = redis.pttl(key);
    Thread.sleep(1_100);
    limiter.recordFailure(roll);
    assertThat(redis.get(key)).isEqualTo("2");
    assertThat(first).isPositive().isLessThanOrEqualTo(window().toMillis());
    assertThat(redis.pttl(key)).isPositive().isLessThan(first - 500);
  }

  @Test
  void aCounterLeftWithoutExpiryGetsOneAtTheNextFailure() {
    String key = RollNumberKeys.failures(roll);
    redis.set(key, "3"); // as INCR then a separate EXPIRE could leave it when the pod died between
    limiter.recordFailure(roll);
    assertThat(redis.get(key)).isEqualTo("4");
    assertThat(redis.pttl(key)).isPositive().isLessThanOrEqualTo(window().toMillis());
  }

  @Test
  void aRefusalSaysHowLongIsLeftAndRepairsACounterWithoutExpiry() {
    String key = RollNumberKeys.failures(roll);
    redis.set(key, Integer.toString(config.login().maxFailedAttempts()));
    assertThatThrownBy(() -> limiter.checkAllowed(roll))
        .isInstanceOfSatisfying(
            ExamdayException.class,
            e -> {
              assertThat(e.error()).isEqualTo(SessionError.TOO_MANY_ATTEMPTS);
              assertThat(e.retryAfter()).contains(window());
              assertThat(e.getMessage())
                  .contains("try again in " + LoginRateLimiter.inWords(window()) + " ");
            });
    assertThat(redis.pttl(key)).isPositive().isLessThanOrEqualTo(window().toMillis());
    assertThatThrownBy(() -> limiter.checkAllowed(roll))
        .isInstanceOfSatisfying(
            ExamdayException.class,
            e -> assertThat(e.retryAfter().orElseThrow()).isLessThanOrEqualTo(window()));
  }

  @Test
  void belowTheLimitNothingIsRefused() {
    for (int i = 1; i < config.login().maxFailedAttempts(); i++) {
      limiter.recordFailure(roll);
    }
    limiter.checkAllowed(roll);
    limiter.recordFailure(roll);
    assertThatThrownBy(() -> limiter.checkAllowed(roll)).isInstanceOf(ExamdayException.class);
  }

  private Duration window() {
    return config.login().attemptWindow();
  }
}
