package io.examday.session.autosave;

import io.examday.session.hotstate.AnswerItem;

/**
 * An answer that passed validation.
 *
 * @param item question, sequence and digest
 * @param value the answer text
 * @param sha256 the digest bytes
 */
public record ValidAnswer(AnswerItem item, String value, byte[] sha256) {}
