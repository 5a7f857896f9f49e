/**
 * The acknowledgement log: what the rehearsal's simulated candidates sent and what exam-session
 * acknowledged, written while the load runs and read back by the verifier.
 *
 * <h2>Format (version 1)</h2>
 *
 * <p>UTF-8 text, one record per line, fields separated by a tab:
 *
 * <pre>
 * # examday-acklog v1
 * S  &lt;sessionId&gt;  &lt;questionId&gt;  &lt;seq&gt;  &lt;sha256 hex of the value&gt;
 * A  &lt;sessionId&gt;  &lt;questionId&gt;  &lt;seq&gt;  &lt;sha256 hex of the value&gt;
 * # end &lt;number of records&gt;
 * </pre>
 *
 * <ul>
 *   <li>{@code S} (sent) is written just before an autosave request leaves the client, {@code A}
 *       (acknowledged) only after the response said {@code SAVED} for exactly that question and
 *       sequence. A value never appears, only its SHA-256, which is also what Spanner stores in
 *       {@code AnswerEvents.ValueSha256}: the log holds no answers.
 *   <li>The trailer {@code # end N} is written by {@link AckLogWriter#close()}. A file without it
 *       comes from a writer that did not finish (crash, kill): its last buffered records are
 *       missing, so the verifier reports the log as incomplete.
 * </ul>
 *
 * <h2>Why it is cheap</h2>
 *
 * <p>One file per load-generator process (the rehearsal runs one process per shard of candidates);
 * records go through one large buffer behind a lock that is held for a single {@code append} of
 * about 120 bytes, so the hot path never touches the disk and never allocates more than the line.
 * At 10,000 saves/s that is about 2.4 MB/s of sequential writes. The reader takes several files (or
 * a directory of {@code *.acklog} files) and treats them as one log.
 */
package io.examday.loadtest.acklog;
