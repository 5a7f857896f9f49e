package io.examday.session.session;

import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionStatus;
import java.time.Instant;

/** Tells release-gateways about session changes they push to candidates. */
public interface SessionEvents {

  /**
   * A session event (docs/api.md, topic examday-session-events). It carries the session's own
   * deadline inputs, so a gateway can work out the deadline whether or not the exam is released
   * yet, hold the time warnings during a pause, and tell an older event from a newer one.
   *
   * @param type DEADLINE_CHANGED or SUBMITTED
   * @param sessionId the session
   * @param examId its exam
   * @param deadline the deadline now in force, if released (on SUBMITTED: when it was submitted)
   * @param status ACTIVE, PAUSED or SUBMITTED
   * @param extraSeconds extra time granted by proctors to this session
   * @param pausedSeconds total length of the pauses that have ended
   * @param pausedAt when the running pause began; null when not paused
   * @param updatedAt the commit timestamp of the change; null on SUBMITTED, which is final
   */
  record SessionEvent(
      String type,
      String sessionId,
      String examId,
      Instant deadline,
      String status,
      long extraSeconds,
      long pausedSeconds,
      Instant pausedAt,
      Instant updatedAt) {

    /** A proctor's change to a session, committed at {@code updatedAt}. */
    public static SessionEvent changed(SessionFacts facts, Instant deadline, Instant updatedAt) {
      return of("DEADLINE_CHANGED", facts, deadline, updatedAt);
    }

    /** The session is over (submitted by the candidate, a proctor or the deadline). */
    public static SessionEvent submitted(SessionFacts facts) {
      return of("SUBMITTED", facts, facts.submittedAt().orElse(null), null);
    }

    private static SessionEvent of(
        String type, SessionFacts facts, Instant deadline, Instant updatedAt) {
      return new SessionEvent(
          type,
          facts.sessionId(),
          facts.examId(),
          deadline,
          wireStatus(facts.status()),
          facts.sessionExtra().toSeconds(),
          facts.completedPauses().toSeconds(),
          facts.pausedAt().orElse(null),
          updatedAt);
    }

    /** What a gateway needs to know: a submit in progress is still a running session. */
    private static String wireStatus(SessionStatus status) {
      return switch (status) {
        case PAUSED -> "PAUSED";
        case SUBMITTED -> "SUBMITTED";
        default -> "ACTIVE";
      };
    }
  }

  void publish(SessionEvent event);
}
