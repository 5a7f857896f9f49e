package io.examday.loadtest.verify;

/** One question of one session. */
record AnswerKey(String sessionId, String questionId) {}
