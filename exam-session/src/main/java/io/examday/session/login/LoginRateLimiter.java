package io.examday.session.login;

import io.examday.common.error.ExamdayException;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.error.SessionError;
import jakarta.inject.Singleton;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Limits failed logins per roll number across all pods (Redis counters with a window), so access
 * codes cannot be guessed online. Per-IP limits are Cloud Armor's job, at the edge. Keys hold a
 * digest of the roll number, not the roll number.
 */
@Singleton
public class LoginRateLimiter {

  private final UnifiedJedis redis;
  private final int maxFailures;
  private final Duration window;

  public LoginRateLimiter(UnifiedJedis redis, ExamSessionConfig config) {
    this.redis = redis;
    this.maxFailures = config.login().maxFailedAttempts();
    this.window = config.login().attemptWindow();
  }

  public void checkAllowed(String rollNumber) {
    String count = redis.get(key(rollNumber));
    if (count != null && Long.parseLong(count) >= maxFailures) {
      throw new ExamdayException(
          SessionError.TOO_MANY_ATTEMPTS,
          "Too many wrong attempts for this roll number; wait "
              + window.toMinutes()
              + " minutes or ask the invigilator.");
    }
  }

  public void recordFailure(String rollNumber) {
    String key = key(rollNumber);
    if (redis.incr(key) == 1) {
      redis.expire(key, window.toSeconds());
    }
  }

  private static String key(String rollNumber) {
    return RollNumberKeys.failures(rollNumber);
  }
}
