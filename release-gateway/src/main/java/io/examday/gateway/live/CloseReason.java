package io.examday.gateway.live;

/**
 * Why the gateway closed a candidate's socket: a WebSocket close code and a stable reason string
 * (the name). Listed in release-gateway/README.md; clients match on them.
 */
public enum CloseReason {
  /** The client's frame is not a JSON object with a {@code type}. */
  MALFORMED_FRAME(4400),
  /** No token, or a token that is forged, malformed or signed with an unknown key. */
  TOKEN_INVALID(4401),
  /** The token has expired: refresh it at exam-session and reconnect. */
  TOKEN_EXPIRED(4401),
  /** The token belongs to another exam than the URL's. */
  EXAM_MISMATCH(4403),
  /** The URL names no exam. */
  UNKNOWN_EXAM(4404),
  /** Nothing (not even a {@code pong}) arrived within the idle timeout. */
  HEARTBEAT_TIMEOUT(4408),
  /** A client frame of a type the gateway does not take. */
  UNKNOWN_MESSAGE_TYPE(4422),
  /** The socket's write queue filled up: the client reads too slowly; reconnect. */
  SLOW_CONSUMER(4429),
  /** Binary frames are not part of the protocol. */
  BINARY_NOT_ACCEPTED(1003),
  /** A client frame over the size limit, or fragmented. */
  FRAME_TOO_LARGE(1009),
  /** The exam could not be loaded right now: reconnect with backoff. */
  TRY_AGAIN_LATER(1013),
  /** The gateway is shutting down: reconnect (another instance takes over). */
  GOING_AWAY(1001);

  private final short code;

  CloseReason(int code) {
    this.code = (short) code;
  }

  public short code() {
    return code;
  }
}
