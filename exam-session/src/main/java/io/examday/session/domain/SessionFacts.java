package io.examday.session.domain;

import io.examday.common.exam.DeadlineInputs;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A session's state as stored (Spanner is the record; Redis mirrors it).
 *
 * @param sessionId the session
 * @param candidateId its candidate
 * @param examId its exam
 * @param status stored status: ACTIVE, PAUSED, SUBMITTING or SUBMITTED
 * @param candidateExtra accommodation extra time
 * @param sessionExtra extra time granted by proctors
 * @param completedPauses total of ended pauses
 * @param pausedAt start of the running pause, if paused
 * @param submittedAt when it was submitted, if submitted
 */
public record SessionFacts(
    String sessionId,
    String candidateId,
    String examId,
    SessionStatus status,
    Duration candidateExtra,
    Duration sessionExtra,
    Duration completedPauses,
    Optional<Instant> pausedAt,
    Optional<Instant> submittedAt) {

  /** The same session, submitted at {@code at}. */
  public SessionFacts submitted(Instant at) {
    return new SessionFacts(
        sessionId,
        candidateId,
        examId,
        SessionStatus.SUBMITTED,
        candidateExtra,
        sessionExtra,
        completedPauses,
        pausedAt,
        Optional.of(at));
  }

  public DeadlineInputs deadlineInputs(ExamFacts exam) {
    return new DeadlineInputs(
        exam.releasedAt(),
        exam.duration(),
        candidateExtra,
        sessionExtra,
        completedPauses,
        pausedAt);
  }
}
