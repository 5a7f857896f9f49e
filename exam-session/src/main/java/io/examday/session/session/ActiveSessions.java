package io.examday.session.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Sessions this pod served in the last minutes: the {@code examday_sessions_active} gauge, which is
 * also the per-pod business metric an HPA can scale on.
 */
@Singleton
public class ActiveSessions {

  private static final Duration WINDOW = Duration.ofMinutes(2);
  private final Cache<String, Boolean> seen =
      Caffeine.newBuilder().expireAfterWrite(WINDOW).build();

  public ActiveSessions(MeterRegistry metrics) {
    Gauge.builder("examday.sessions.active", seen, cache -> cache.estimatedSize())
        .description("Sessions that used this pod within the last 2 minutes")
        .register(metrics);
  }

  public void touch(String sessionId) {
    seen.put(sessionId, Boolean.TRUE);
  }
}
