package io.examday.gateway.pubsub;

import io.examday.gateway.exam.SessionRecord;
import java.time.Instant;
import java.util.Optional;

/** The Pub/Sub messages of docs/api.md, as records. Times are RFC 3339 UTC strings. */
public final class Events {

  private Events() {}

  /** {@code examday-releases}: published once per release. */
  public record Release(String examId, String releasedAt, String releasedBy, String paperDigest) {}

  /**
   * {@code examday-session-events}: from exam-session when a proctor changes a session or it ends.
   * {@code status} to {@code updatedAt} are the session's deadline inputs; an exam-session from
   * before they were added sends none of them.
   */
  public record Session(
      String type,
      String sessionId,
      String examId,
      String deadline,
      String status,
      Long extraSeconds,
      Long pausedSeconds,
      String pausedAt,
      String updatedAt) {

    /** An event as an exam-session that sends only the deadline wrote it. */
    public Session(String type, String sessionId, String examId, String deadline) {
      this(type, sessionId, examId, deadline, null, null, null, null, null);
    }

    /**
     * The session's state this event carries; empty when it carries none (then the gateway reads
     * the session's row instead). A submit needs no more than its type: it is final.
     */
    public Optional<SessionRecord> record() {
      if ("SUBMITTED".equals(type) || "SUBMITTED".equals(status)) {
        return Optional.of(
            new SessionRecord(
                sessionId, SessionRecord.Status.SUBMITTED, 0, 0, Optional.empty(), Instant.EPOCH));
      }
      if (status == null || updatedAt == null) {
        return Optional.empty();
      }
      return Optional.of(
          new SessionRecord(
              sessionId,
              SessionRecord.Status.of(status),
              extraSeconds == null ? 0 : extraSeconds,
              pausedSeconds == null ? 0 : pausedSeconds,
              Optional.ofNullable(pausedAt).map(Instant::parse),
              Instant.parse(updatedAt)));
    }
  }

  /** {@code examday-broadcasts}: a proctor's message to every candidate of an exam. */
  public record Broadcast(String examId, String message, String sentBy, String sentAt) {}
}
