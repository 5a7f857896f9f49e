package io.examday.session.proctor;

import io.examday.common.error.ExamdayException;
import io.examday.session.domain.ExamFacts;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionStatus;
import io.examday.session.error.SessionError;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What each proctor action does to a session. Pure: (session, exam, now) to new facts. */
public final class SessionChanges {

  static final long MAX_EXTRA_SECONDS = 4 * 3600;

  private SessionChanges() {}

  public static SessionFacts addExtraTime(SessionFacts s, long seconds) {
    requireNotSubmitted(s);
    if (seconds < 1 || seconds > MAX_EXTRA_SECONDS) {
      throw new ExamdayException(
          SessionError.MALFORMED_REQUEST,
          "Extra time must be between 1 and " + MAX_EXTRA_SECONDS + " seconds.");
    }
    return with(
        s, s.status(), s.sessionExtra().plusSeconds(seconds), s.completedPauses(), s.pausedAt());
  }

  public static SessionFacts pause(SessionFacts s, ExamFacts exam, Instant now) {
    requireNotSubmitted(s);
    if (exam.releasedAt().isEmpty()) {
      throw new ExamdayException(
          SessionError.INVALID_ACTION, "The exam has not started; there is no time to pause.");
    }
    if (s.status() == SessionStatus.PAUSED) {
      throw new ExamdayException(SessionError.INVALID_ACTION, "The session is already paused.");
    }
    return with(s, SessionStatus.PAUSED, s.sessionExtra(), s.completedPauses(), Optional.of(now));
  }

  public static SessionFacts resume(SessionFacts s, Instant now) {
    requireNotSubmitted(s);
    if (s.status() != SessionStatus.PAUSED || s.pausedAt().isEmpty()) {
      throw new ExamdayException(SessionError.INVALID_ACTION, "The session is not paused.");
    }
    Duration paused = Duration.between(s.pausedAt().get(), now);
    Duration total = s.completedPauses().plus(paused.isNegative() ? Duration.ZERO : paused);
    return with(s, SessionStatus.ACTIVE, s.sessionExtra(), total, Optional.empty());
  }

  private static void requireNotSubmitted(SessionFacts s) {
    if (s.status() == SessionStatus.SUBMITTED) {
      throw new ExamdayException(
          SessionError.SESSION_SUBMITTED, "The session is already submitted; it cannot change.");
    }
  }

  private static SessionFacts with(
      SessionFacts s,
      SessionStatus status,
      Duration extra,
      Duration pauses,
      Optional<Instant> pausedAt) {
    return new SessionFacts(
        s.sessionId(),
        s.candidateId(),
        s.examId(),
        status,
        s.candidateExtra(),
        extra,
        pauses,
        pausedAt,
        s.submittedAt());
  }
}
