package io.examday.gateway.live;

import io.vertx.core.http.ServerWebSocket;

/**
 * One candidate's socket. Deliberately tiny (a few fields, no timers, no buffers of its own)
 * because 100,000 of these sit idle on one instance before T-0. Touched only on its socket's event
 * loop, so the fields need no synchronisation.
 */
final class CandidateConnection {

  private static final long NO_OVERRIDE = Long.MIN_VALUE;

  final ServerWebSocket socket;
  final String sessionId;
  final int extraSeconds;

  /** Seconds since the gateway started when the client last sent anything. */
  int lastSeenSecond;

  /** Seconds since the gateway started when this socket's next heartbeat ping is due. */
  int nextPingSecond;

  /** Bit mask of time warnings already sent ({@link WarningSchedule}). */
  int warningsSent;

  /** The next socket of the same session in its {@link Shard}, usually none. */
  CandidateConnection sameSession;

  boolean releaseSent;
  boolean submitted;

  /** A deadline set by a proctor action, epoch millis; {@link #NO_OVERRIDE} if none. */
  long deadlineOverrideMillis = NO_OVERRIDE;

  /** Whether a proctor action gave this candidate a deadline of their own. */
  boolean hasOwnDeadline() {
    return deadlineOverrideMillis != NO_OVERRIDE;
  }

  CandidateConnection(
      ServerWebSocket socket, String sessionId, int extraSeconds, int nowSecond, int firstPing) {
    this.socket = socket;
    this.sessionId = sessionId;
    this.extraSeconds = extraSeconds;
    this.lastSeenSecond = nowSecond;
    this.nextPingSecond = firstPing;
  }
}
