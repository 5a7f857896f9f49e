package io.examday.session.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Sessions this pod served in the last minutes: the {@code examday_sessions_active} gauge, a
 * dashboard figure. Not an autoscaling signal: the load balancer spreads a candidate's requests
 * over many pods, so pods count the same sessions (the HPA scales on acknowledged autosaves per pod
 * instead, docs/capacity.md).
 *
 * <p>Touched on every autosave, so a session already counted is only read (which refreshes its
 * time, cheaply): a cache write per save scheduled Caffeine's upkeep on the common pool each time,
 * which cost about a tenth of a save's CPU (docs/benchmarks.md). A session is written once, and
 * again only after it expired. The caches read on every save (this one, verified tokens, exams) run
 * Caffeine's upkeep on the calling thread: a few entries' bookkeeping now and then is cheaper than
 * waking a common-pool thread for it.
 */
@Singleton
public class ActiveSessions {

  private static final Duration WINDOW = Duration.ofMinutes(2);
  private final Cache<String, Boolean> seen;

  @Inject
  public ActiveSessions(MeterRegistry metrics) {
    this(metrics, Ticker.systemTicker());
  }

  ActiveSessions(MeterRegistry metrics, Ticker ticker) {
    this.seen =
        Caffeine.newBuilder()
            .expireAfterAccess(WINDOW)
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
    Gauge.builder("examday.sessions.active", seen, ActiveSessions::count)
        .description("Sessions that used this pod within the last 2 minutes")
        .register(metrics);
  }

  /** Expired sessions leave the count at the scrape, not whenever Caffeine gets round to it. */
  private static double count(Cache<String, Boolean> cache) {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  public void touch(String sessionId) {
    if (seen.getIfPresent(sessionId) == null) {
      seen.put(sessionId, Boolean.TRUE);
    }
  }
}
