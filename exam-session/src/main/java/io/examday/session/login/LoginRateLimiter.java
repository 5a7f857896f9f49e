package io.examday.session.login;

import io.examday.common.error.ExamdayException;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.error.ErrorResponses;
import io.examday.session.error.SessionError;
import io.examday.session.infra.RedisScript;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Limits failed logins per roll number across all pods (Redis counters with a window that starts at
 * the first failure), so access codes cannot be guessed online. Per-IP limits are Cloud Armor's
 * job, at the edge. Keys hold a digest of the roll number, not the roll number.
 */
@Singleton
public class LoginRateLimiter {

  /** {@code PTTL} of a key that exists without an expiry. */
  private static final long NO_EXPIRY = -1;

  private final UnifiedJedis redis;
  private final RedisScript failure;
  private final int maxFailures;
  private final Duration window;

  public LoginRateLimiter(UnifiedJedis redis, Tracer tracer, ExamSessionConfig config) {
    this.redis = redis;
    this.failure = new RedisScript(redis, tracer, "login-failure");
    this.maxFailures = config.login().maxFailedAttempts();
    this.window = config.login().attemptWindow();
  }

  /**
   * Refuses a roll number with too many failures in its window, saying how long is left (the
   * answer's {@code Retry-After}).
   */
  public void checkAllowed(String rollNumber) {
    String key = RollNumberKeys.failures(rollNumber);
    String count = redis.get(key);
    if (count == null || Long.parseLong(count) < maxFailures) {
      return;
    }
    Duration left = remaining(key);
    throw new ExamdayException(
        SessionError.TOO_MANY_ATTEMPTS,
        "Too many wrong attempts for this roll number; try again in "
            + inWords(left)
            + " or ask the invigilator.",
        left);
  }

  public void recordFailure(String rollNumber) {
    failure.run(
        List.of(RollNumberKeys.failures(rollNumber)), List.of(Long.toString(window.toSeconds())));
  }

  /**
   * What is left of a counter's window. A counter without an expiry (left by a version that set it
   * in a second command) gets one now, or the roll number would stay locked out for good.
   */
  private Duration remaining(String key) {
    long millis = redis.pttl(key);
    if (millis == NO_EXPIRY) {
      redis.expire(key, window.toSeconds());
      return window;
    }
    return Duration.ofMillis(Math.max(millis, 1));
  }

  /** "40 seconds", "1 minute", "5 minutes": whole units, rounded up from the Retry-After figure. */
  static String inWords(Duration wait) {
    long seconds = ErrorResponses.retryAfterSeconds(wait);
    if (seconds < 60) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 59) / 60;
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
