package io.examday.session.session;

import java.time.Instant;

/** Tells release-gateways about session changes they push to candidates. */
public interface SessionEvents {

  /**
   * A session event (docs/api.md, topic examday-session-events).
   *
   * @param type DEADLINE_CHANGED or SUBMITTED
   * @param sessionId the session
   * @param examId its exam
   * @param deadline the deadline now in force, if released
   */
  record SessionEvent(String type, String sessionId, String examId, Instant deadline) {}

  void publish(SessionEvent event);
}
