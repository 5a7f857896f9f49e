package io.examday.session.warm;

/**
 * What one warm-up did.
 *
 * @param examId the exam
 * @param candidates login directory entries written (or already there)
 * @param sessions sessions loaded into the hot state (0 once the exam is released: from then on
 *     sessions are rebuilt from Spanner, answers included, on first use)
 * @param released whether the exam was already released when the warm-up read it
 * @param tookMillis how long it took
 */
public record WarmReport(
    String examId, int candidates, int sessions, boolean released, long tookMillis) {}
