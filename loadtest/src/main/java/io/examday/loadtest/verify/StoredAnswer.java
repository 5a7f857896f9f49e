package io.examday.loadtest.verify;

/**
 * One {@code AnswerEvents} row as the verifier sees it.
 *
 * @param valueSha256 lower-case hex of {@code ValueSha256}
 */
public record StoredAnswer(String sessionId, String questionId, long seq, String valueSha256) {}
