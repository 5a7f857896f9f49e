package io.examday.common.log;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps an outage from flooding the logs: of the same kind of event (a key such as "Redis
 * unavailable: JedisConnectionException"), at most one is logged per window, carrying how many
 * happened since the last one logged. In a national exam a five-second Redis outage refuses tens of
 * thousands of requests per pod; one line per second says the same, and the per-request count is in
 * the metrics. The events of a burst's last window are reported with the next event of the kind,
 * whenever that comes ("since the last such line" says over what span).
 */
public final class LogSampler {

  private final Clock clock;
  private final long windowMillis;
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

  public LogSampler(Clock clock, Duration window) {
    this.clock = clock;
    this.windowMillis = window.toMillis();
  }

  /**
   * Counts one event of this kind.
   *
   * @return 0 to stay silent, or how many events of the kind to report now: this one and those
   *     counted silently since the last report
   */
  public long admit(String key) {
    return tallies.computeIfAbsent(key, k -> new Tally()).admit(clock.millis(), windowMillis);
  }

  private static final class Tally {
    private long lastReportMillis = Long.MIN_VALUE;
    private long unreported;

    synchronized long admit(long nowMillis, long windowMillis) {
      unreported++;
      if (lastReportMillis != Long.MIN_VALUE && nowMillis - lastReportMillis < windowMillis) {
        return 0;
      }
      long report = unreported;
      unreported = 0;
      lastReportMillis = nowMillis;
      return report;
    }
  }
}
