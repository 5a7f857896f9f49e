package io.examday.session.proctor;

import java.time.Instant;
import java.util.List;

/** What the proctor API answers with. */
public final class ProctorViews {

  private ProctorViews() {}

  /**
   * A page of sessions.
   *
   * @param sessions up to 100 sessions, by id
   * @param nextPageToken pass as pageToken for the next page; null on the last
   */
  public record SessionPage(List<SessionRow> sessions, String nextPageToken) {}

  /**
   * One session as a proctor sees it.
   *
   * @param sessionId the session
   * @param candidateId the candidate
   * @param rollNumber the candidate's roll number (proctors identify candidates by it)
   * @param status WAITING, ACTIVE, PAUSED or SUBMITTED
   * @param deadline the candidate's deadline
   * @param remainingSeconds seconds left
   * @param lastDurableSaveAt the last answer Spanner committed
   * @param answeredCount questions with a saved answer
   */
  public record SessionRow(
      String sessionId,
      String candidateId,
      String rollNumber,
      String status,
      Instant deadline,
      Long remainingSeconds,
      Instant lastDurableSaveAt,
      long answeredCount) {}

  /**
   * A session after a proctor's change.
   *
   * @param sessionId the session
   * @param status its status
   * @param deadline its deadline now
   * @param submittedAt when submitted
   */
  public record SessionChange(
      String sessionId, String status, Instant deadline, Instant submittedAt) {}

  /**
   * One audit line.
   *
   * @param occurredAt commit time
   * @param actor who
   * @param action what
   * @param sessionId on which session, if any
   * @param reason why
   * @param details structured details (JSON)
   */
  public record AuditRow(
      Instant occurredAt,
      String actor,
      String action,
      String sessionId,
      String reason,
      String details) {}
}
