package io.examday.session.domain;

import io.examday.common.error.ExamdayException;
import io.examday.session.error.SessionError;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The rules of a sitting: when answers are accepted, and when a session is overdue. Pure. */
public final class SessionRules {

  private SessionRules() {}

  /** The status a candidate sees: WAITING until the exam is released. */
  public static SessionStatus visibleStatus(SessionFacts session, ExamFacts exam) {
    if (session.status() == SessionStatus.SUBMITTED
        || session.status() == SessionStatus.SUBMITTING) {
      return SessionStatus.SUBMITTED;
    }
    return exam.releasedAt().isEmpty() ? SessionStatus.WAITING : session.status();
  }

  /** Last instant a save is accepted: deadline + grace; empty before release. */
  public static Optional<Instant> acceptsAnswersUntil(
      SessionFacts session, ExamFacts exam, Instant now) {
    return session.deadlineInputs(exam).deadline(now).map(deadline -> deadline.plus(exam.grace()));
  }

  /**
   * How far {@code now} is past the exam's own cut-off (release + duration + grace), before any
   * session's extra time or pauses: a save is accepted while the session's extra time and ended
   * pauses cover it. The hot state applies this on every save (one round trip); {@link
   * #requireAcceptingAnswers} stays the full rule. Empty before release.
   */
  public static Optional<Duration> overrun(ExamFacts exam, Instant now) {
    return exam.releasedAt()
        .map(start -> Duration.between(start.plus(exam.duration()).plus(exam.grace()), now));
  }

  /** Throws the error a save gets at {@code now}, or returns if saves are accepted. */
  public static void requireAcceptingAnswers(SessionFacts session, ExamFacts exam, Instant now) {
    switch (visibleStatus(session, exam)) {
      case WAITING ->
          throw new ExamdayException(
              SessionError.EXAM_NOT_STARTED, "The exam has not been released yet.");
      case PAUSED ->
          throw new ExamdayException(
              SessionError.SESSION_PAUSED,
              "Your session is paused by a proctor; your time is not running. Wait for the resume.");
      case SUBMITTED ->
          throw new ExamdayException(
              SessionError.SESSION_SUBMITTED,
              "This exam was submitted"
                  + session.submittedAt().map(t -> " at " + format(t)).orElse("")
                  + "; answers can no longer change.");
      default -> {
        Instant cutoff = acceptsAnswersUntil(session, exam, now).orElseThrow();
        if (now.isAfter(cutoff)) {
          throw new ExamdayException(
              SessionError.DEADLINE_PASSED,
              "Time is up (answers were accepted until "
                  + format(cutoff)
                  + "); every answer saved before then is kept.");
        }
      }
    }
  }

  /**
   * When an overdue session counts as submitted: its deadline, not the time the closing job ran.
   * Empty when the session is not overdue at {@code now}.
   */
  public static Optional<Instant> overdueSubmittedAt(
      SessionFacts session, ExamFacts exam, Instant now) {
    if (session.status() != SessionStatus.ACTIVE) {
      return Optional.empty();
    }
    Optional<Instant> deadline = session.deadlineInputs(exam).deadline(now);
    return deadline.filter(d -> now.isAfter(d.plus(exam.grace())));
  }

  private static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
