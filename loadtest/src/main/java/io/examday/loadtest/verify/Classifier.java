package io.examday.loadtest.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure classification: feed it every stored row of the sessions in scope, then ask for the report.
 * Single use.
 */
final class Classifier {

  static final int EXAMPLES_PER_KIND = 10;

  private final Expectations expected;
  private final Map<String, Integer> examplesPerKind = new HashMap<>();
  private final List<Finding> examples = new ArrayList<>();
  private long storedRows;
  private long phantom;
  private long committedUnacked;

  Classifier(Expectations expected) {
    this.expected = expected;
  }

  void observe(StoredAnswer row) {
    if (!expected.sessions().contains(row.sessionId())) {
      return;
    }
    storedRows++;
    QuestionLog log = expected.question(row.sessionId(), row.questionId());
    if (log != null) {
      log.maxStoredSeq = Math.max(log.maxStoredSeq, row.seq());
      String ackedHash = log.acked.get(row.seq());
      if (row.valueSha256().equals(ackedHash)) {
        log.ackedFoundInStore.add(row.seq());
      }
    }
    String sentHash = log == null ? null : log.sent.get(row.seq());
    if (!row.valueSha256().equals(sentHash)) {
      if (expected.anySent()) {
        phantom++;
        example(
            "phantom",
            row.sessionId(),
            row.questionId(),
            row.seq(),
            sentHash == null ? "stored but never sent" : "stored value differs from the sent one");
      }
    } else if (!row.valueSha256().equals(log.acked.get(row.seq()))) {
      committedUnacked++;
    }
  }

  VerificationReport report(long logRecords, boolean logComplete) {
    long acked = 0;
    long lost = 0;
    long stale = 0;
    for (Map.Entry<AnswerKey, QuestionLog> entry : expected.questions().entrySet()) {
      AnswerKey key = entry.getKey();
      QuestionLog log = entry.getValue();
      acked += log.acked.size();
      for (Long seq : log.acked.keySet()) {
        if (!log.ackedFoundInStore.contains(seq)) {
          lost++;
          example("lost", key.sessionId(), key.questionId(), seq, "acknowledged, not in Spanner");
        }
      }
      long maxAcked = log.maxAckedSeq();
      if (!log.acked.isEmpty() && log.maxStoredSeq < maxAcked) {
        stale++;
        example(
            "stale",
            key.sessionId(),
            key.questionId(),
            maxAcked,
            log.maxStoredSeq == Long.MIN_VALUE
                ? "highest ack " + maxAcked + ", nothing stored"
                : "highest ack " + maxAcked + ", newest stored " + log.maxStoredSeq);
      }
    }
    return new VerificationReport(
        expected.sessions().size(),
        acked,
        lost,
        stale,
        expected.anySent() ? phantom : null,
        storedRows,
        committedUnacked,
        logRecords,
        logComplete,
        List.copyOf(examples));
  }

  private void example(String kind, String sessionId, String questionId, long seq, String detail) {
    int count = examplesPerKind.merge(kind, 1, Integer::sum);
    if (count <= EXAMPLES_PER_KIND) {
      examples.add(new Finding(kind, sessionId, questionId, seq, detail));
    }
  }
}
