package io.examday.gateway.live;

import io.vertx.core.http.ServerWebSocket;

/**
 * One candidate's socket. Deliberately tiny (a few fields, no timers, no buffers of its own)
 * because 100,000 of these sit idle on one instance before T-0. Touched only on its socket's event
 * loop, so the fields need no synchronisation.
 */
final class CandidateConnection {

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

  /** The hello went out: frames about this candidate's deadline may follow. */
  boolean greeted;

  boolean releaseSent;

  /** The server closed it (counted once); it is only waiting for the client's close. */
  boolean closing;

  // What exam-session recorded of this session (its row at connect, then its events); until one
  // is known, the token's accommodation is all there is.

  boolean submitted;
  boolean paused;

  /** Seconds the session's own inputs (proctor extra time, ended pauses) add to its deadline. */
  int shiftSeconds;

  /** When the running pause began, epoch millis; meaningful while {@link #paused}. */
  long pausedAtMillis;

  /** Commit timestamp (micros) of the state held; {@link Long#MIN_VALUE} for the token's only. */
  long stateVersionMicros = Long.MIN_VALUE;

  CandidateConnection(
      ServerWebSocket socket, String sessionId, int extraSeconds, int nowSecond, int firstPing) {
    this.socket = socket;
    this.sessionId = sessionId;
    this.extraSeconds = extraSeconds;
    this.lastSeenSecond = nowSecond;
    this.nextPingSecond = firstPing;
  }
}
