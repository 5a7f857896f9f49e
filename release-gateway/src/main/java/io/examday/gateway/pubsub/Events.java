package io.examday.gateway.pubsub;

/** The Pub/Sub messages of docs/api.md, as records. Times are RFC 3339 UTC strings. */
public final class Events {

  private Events() {}

  /** {@code examday-releases}: published once per release. */
  public record Release(String examId, String releasedAt, String releasedBy, String paperDigest) {}

  /** {@code examday-session-events}: from exam-session when a proctor changes a session. */
  public record Session(String type, String sessionId, String examId, String deadline) {}

  /** {@code examday-broadcasts}: a proctor's message to every candidate of an exam. */
  public record Broadcast(String examId, String message, String sentBy, String sentAt) {}
}
