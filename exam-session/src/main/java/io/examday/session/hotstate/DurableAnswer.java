package io.examday.session.hotstate;

import java.time.Instant;

/**
 * An answer that Spanner committed.
 *
 * @param item question, sequence and digest
 * @param committedAt the Spanner commit timestamp
 */
public record DurableAnswer(AnswerItem item, Instant committedAt) {}
