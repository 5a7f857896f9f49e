package io.examday.loadtest.verify;

import java.util.List;

/**
 * The verifier's verdict. Definitions in {@link io.examday.loadtest.verify}.
 *
 * @param sessions sessions in scope (present in the log)
 * @param acked distinct acknowledged (session, question, seq)
 * @param lost acknowledged but absent (or stored with another value)
 * @param stale questions whose newest stored seq is below their highest acknowledged seq
 * @param phantom stored rows never sent; {@code null} when the log has no sent records
 * @param storedRows rows read from Spanner for the sessions in scope
 * @param committedUnacked stored rows that were sent but never acknowledged (allowed)
 * @param logRecords records read from the log
 * @param logComplete whether every log file ended with its trailer
 * @param examples up to a few findings of each kind
 */
public record VerificationReport(
    long sessions,
    long acked,
    long lost,
    long stale,
    Long phantom,
    long storedRows,
    long committedUnacked,
    long logRecords,
    boolean logComplete,
    List<Finding> examples) {

  /** No acknowledged answer lost, stale or invented, and the log is whole. */
  public boolean passed() {
    return lost == 0 && stale == 0 && (phantom == null || phantom == 0) && logComplete;
  }
}
