/**
 * The zero-loss verifier: compares the acknowledgement log of a run with what Spanner holds.
 *
 * <p>Scope: only the sessions that appear in the log are checked, so the verifier can run against a
 * database that other runs or the demo exam also use. Definitions (an "answer" is one {@code
 * AnswerEvents} row: session, question, client sequence, SHA-256 of the value):
 *
 * <ul>
 *   <li><b>acked</b>: distinct (session, question, seq) that exam-session acknowledged as {@code
 *       SAVED} ({@code A} records).
 *   <li><b>lost</b>: an acked (session, question, seq) with no row in Spanner, or whose row holds
 *       another value hash. Durability promise broken.
 *   <li><b>stale</b>: a (session, question) whose newest stored row (the one exam-session serves on
 *       resume: highest {@code ClientSeq}) has a lower seq than the highest acked one. A resume
 *       would show the candidate an older answer than the one they were told was saved. A lost
 *       highest ack is therefore also stale.
 *   <li><b>phantom</b>: a stored row of an in-scope session whose exact (question, seq, value hash)
 *       was never sent ({@code S} records): the server invented or corrupted an answer. Needs
 *       {@code S} records; a log without any is reported with phantom {@code null} (not checked).
 *   <li><b>committed unacked</b> (informational, not a failure): a stored row that was sent but
 *       never acknowledged, e.g. the response was lost on a reconnect. Saving more than was
 *       acknowledged is allowed; saving less is not.
 * </ul>
 *
 * <p>A run passes when lost, stale and phantom are 0 and every log file is complete.
 */
package io.examday.loadtest.verify;
