package io.examday.loadtest.verify;

/**
 * One example of a failure, for the report (the counts are exact; examples are capped).
 *
 * @param kind {@code lost}, {@code stale} or {@code phantom}
 * @param detail what was expected and what was found
 */
public record Finding(String kind, String sessionId, String questionId, long seq, String detail) {}
