package io.examday.session.hotstate;

/**
 * One answer as the hot state sees it.
 *
 * @param questionId the question
 * @param seq the client's sequence number
 * @param sha256Hex digest of the value
 */
public record AnswerItem(String questionId, long seq, String sha256Hex) {}
