package io.examday.session.session;

import java.time.Instant;
import java.util.List;

/**
 * What a candidate's page shows and resumes from. The server decides every time; the page only
 * displays {@code deadline} corrected by {@code serverTime}.
 *
 * @param sessionId the session
 * @param examId the exam
 * @param status WAITING, ACTIVE, PAUSED or SUBMITTED
 * @param serverTime now, by the server
 * @param scheduledStart the planned release
 * @param releasedAt the official start, once released
 * @param deadline the candidate's own deadline, once released
 * @param remainingSeconds seconds left, once released
 * @param acceptsAnswersUntil deadline plus grace
 * @param submittedAt when submitted
 * @param answers the latest durable answer of every answered question
 */
public record SessionView(
    String sessionId,
    String examId,
    String status,
    Instant serverTime,
    Instant scheduledStart,
    Instant releasedAt,
    Instant deadline,
    Long remainingSeconds,
    Instant acceptsAnswersUntil,
    Instant submittedAt,
    List<Answer> answers) {

  /**
   * A saved answer.
   *
   * @param questionId the question
   * @param seq its sequence
   * @param value the answer
   * @param committedAt when Spanner committed it
   */
  public record Answer(String questionId, long seq, String value, Instant committedAt) {}
}
