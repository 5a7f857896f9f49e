package io.examday.gateway.live;

import java.time.Duration;

/**
 * When each candidate gets its heartbeat ping. Every socket is pinged once per heartbeat interval,
 * but not all in the same sweep: a socket's first ping falls in a slot taken from its session id,
 * so the pings of 100,000 sockets that connected in the same second are spread evenly over the
 * interval instead of arriving as one burst of 100,000 pings and 100,000 pongs (as large as a
 * release's fan-out, and as likely to coincide with it). Seconds are counted from the gateway's
 * start, as {@link CandidateConnection#lastSeenSecond} is. Pure.
 */
final class PingSchedule {

  private final int intervalSeconds;

  PingSchedule(Duration heartbeatInterval) {
    this.intervalSeconds = (int) Math.max(1, heartbeatInterval.toSeconds());
  }

  /** The second of a new socket's first ping: within one interval of its connect, by its slot. */
  int firstPing(String sessionId, int connectSecond) {
    return connectSecond + 1 + Math.floorMod(spread(sessionId.hashCode()), intervalSeconds);
  }

  /** Whether a socket whose next ping is at {@code nextPingSecond} is due now. */
  boolean due(int nextPingSecond, int nowSecond) {
    return nowSecond >= nextPingSecond;
  }

  /** The second of the ping after one sent now. */
  int next(int nowSecond) {
    return nowSecond + intervalSeconds;
  }

  /** Session ids are UUIDs, but their String hash is not uniform in its low bits: mix it. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
