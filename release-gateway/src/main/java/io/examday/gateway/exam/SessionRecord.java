package io.examday.gateway.exam;

import java.time.Instant;
import java.util.Optional;

/**
 * One session's own deadline inputs as exam-session recorded them: its Spanner row, or a session
 * event that carried the row's new state. With the release and the candidate's accommodation (in
 * the token) they give the candidate's deadline (the rule of {@code DeadlineInputs}).
 *
 * @param sessionId the session
 * @param status what the gateway needs of the stored status
 * @param extraSeconds extra time proctors granted this session
 * @param pausedSeconds total length of the pauses that have ended
 * @param pausedAt when the running pause began, if paused
 * @param updatedAt the commit timestamp of the change it reflects: orders reads and events
 */
public record SessionRecord(
    String sessionId,
    Status status,
    long extraSeconds,
    long pausedSeconds,
    Optional<Instant> pausedAt,
    Instant updatedAt) {

  /** A session's status as the gateway sees it: a submit in progress is still running. */
  public enum Status {
    ACTIVE,
    PAUSED,
    SUBMITTED;

    /** From the status exam-session stores or sends (WAITING, SUBMITTING count as ACTIVE). */
    public static Status of(String stored) {
      return switch (stored == null ? "" : stored) {
        case "PAUSED" -> PAUSED;
        case "SUBMITTED" -> SUBMITTED;
        default -> ACTIVE;
      };
    }
  }

  /** Seconds the session's own inputs add to the shared deadline, a running pause aside. */
  public int shiftSeconds() {
    return Math.toIntExact(Math.addExact(extraSeconds, pausedSeconds));
  }

  /**
   * Whether this record replaces what a socket holds: a submitted session stays submitted, a submit
   * replaces anything, and otherwise the later commit wins (Pub/Sub does not keep order).
   *
   * @param knownUpdatedAtMicros the commit timestamp of what is held, in microseconds; {@link
   *     Long#MIN_VALUE} when nothing is held but the token
   * @param knownSubmitted whether what is held says submitted
   */
  public boolean supersedes(long knownUpdatedAtMicros, boolean knownSubmitted) {
    if (knownSubmitted) {
      return false;
    }
    return status == Status.SUBMITTED || updatedAtMicros() > knownUpdatedAtMicros;
  }

  /** {@link #updatedAt} in microseconds (Spanner's commit timestamp precision). */
  public long updatedAtMicros() {
    return Math.addExact(
        Math.multiplyExact(updatedAt.getEpochSecond(), 1_000_000L), updatedAt.getNano() / 1_000);
  }
}
