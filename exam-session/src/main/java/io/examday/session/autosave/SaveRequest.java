package io.examday.session.autosave;

import java.util.List;

/**
 * A save: one answer as a page autosaves it, or a batch after a reconnect.
 *
 * @param sessionId optional; when present it must be the token's session (a stale tab of another
 *     candidate on a shared lab computer is refused instead of saving into the wrong session)
 * @param answers the answers
 */
public record SaveRequest(String sessionId, List<AnswerInput> answers) {

  /**
   * One answer.
   *
   * @param questionId the question
   * @param seq the client's per-question sequence number, increasing with every edit
   * @param value the answer (free text or the chosen option), at most 64 KiB of UTF-8
   */
  public record AnswerInput(String questionId, Long seq, String value) {}
}
