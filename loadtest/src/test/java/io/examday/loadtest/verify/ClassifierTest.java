package io.examday.loadtest.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.examday.loadtest.acklog.AckRecord;
import io.examday.loadtest.acklog.AckRecord.Kind;
import io.examday.loadtest.acklog.ValueHash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {

  private static final String A = ValueHash.sha256Hex("A");
  private static final String B = ValueHash.sha256Hex("B");
  private static final String C = ValueHash.sha256Hex("C");

  private final Expectations log = new Expectations();
  private final List<StoredAnswer> stored = new ArrayList<>();

  private void sentAndAcked(String session, String question, long seq, String hash) {
    log.accept(new AckRecord(Kind.SENT, session, question, seq, hash));
    log.accept(new AckRecord(Kind.ACKED, session, question, seq, hash));
  }

  private VerificationReport classify() {
    Classifier classifier = new Classifier(log);
    stored.forEach(classifier::observe);
    return classifier.report(0, true);
  }

  @Test
  void everyAckStoredIsClean() {
    sentAndAcked("s1", "q1", 1, A);
    sentAndAcked("s1", "q1", 2, B);
    sentAndAcked("s2", "q1", 1, C);
    stored.add(new StoredAnswer("s1", "q1", 1, A));
    stored.add(new StoredAnswer("s1", "q1", 2, B));
    stored.add(new StoredAnswer("s2", "q1", 1, C));

    VerificationReport report = classify();

    assertThat(report.acked()).isEqualTo(3);
    assertThat(report.lost()).isZero();
    assertThat(report.stale()).isZero();
    assertThat(report.phantom()).isZero();
    assertThat(report.sessions()).isEqualTo(2);
    assertThat(report.passed()).isTrue();
  }

  @Test
  void anAckedRowMissingIsLost() {
    sentAndAcked("s1", "q1", 1, A);
    sentAndAcked("s1", "q1", 2, B);
    stored.add(new StoredAnswer("s1", "q1", 2, B));

    VerificationReport report = classify();

    assertThat(report.lost()).isEqualTo(1);
    assertThat(report.stale()).isZero();
    assertThat(report.examples())
        .containsExactly(new Finding("lost", "s1", "q1", 1, "acknowledged, not in Spanner"));
    assertThat(report.passed()).isFalse();
  }

  @Test
  void theNewestAckMissingIsLostAndStale() {
    sentAndAcked("s1", "q1", 1, A);
    sentAndAcked("s1", "q1", 2, B);
    stored.add(new StoredAnswer("s1", "q1", 1, A));

    VerificationReport report = classify();

    assertThat(report.lost()).isEqualTo(1);
    assertThat(report.stale()).isEqualTo(1);
    assertThat(report.examples())
        .extracting(Finding::kind, Finding::detail)
        .contains(org.assertj.core.groups.Tuple.tuple("stale", "highest ack 2, newest stored 1"));
  }

  @Test
  void aQuestionWithNothingStoredIsStale() {
    sentAndAcked("s1", "q1", 1, A);
    VerificationReport report = classify();
    assertThat(report.stale()).isEqualTo(1);
    assertThat(report.lost()).isEqualTo(1);
  }

  @Test
  void anotherValueUnderAnAckedSeqIsLostAndPhantom() {
    sentAndAcked("s1", "q1", 1, A);
    stored.add(new StoredAnswer("s1", "q1", 1, C));

    VerificationReport report = classify();

    assertThat(report.lost()).isEqualTo(1);
    assertThat(report.phantom()).isEqualTo(1);
    assertThat(report.stale()).isZero();
  }

  @Test
  void aRowNeverSentIsPhantom() {
    sentAndAcked("s1", "q1", 1, A);
    stored.add(new StoredAnswer("s1", "q1", 1, A));
    stored.add(new StoredAnswer("s1", "q9", 1, B));

    VerificationReport report = classify();

    assertThat(report.phantom()).isEqualTo(1);
    assertThat(report.lost()).isZero();
    assertThat(report.examples())
        .containsExactly(new Finding("phantom", "s1", "q9", 1, "stored but never sent"));
  }

  @Test
  void aSentButUnacknowledgedRowIsAllowedAndCounted() {
    sentAndAcked("s1", "q1", 1, A);
    log.accept(new AckRecord(Kind.SENT, "s1", "q1", 2, B));
    stored.add(new StoredAnswer("s1", "q1", 1, A));
    stored.add(new StoredAnswer("s1", "q1", 2, B));

    VerificationReport report = classify();

    assertThat(report.committedUnacked()).isEqualTo(1);
    assertThat(report.passed()).isTrue();
  }

  @Test
  void rowsOfSessionsOutsideTheLogAreIgnored() {
    sentAndAcked("s1", "q1", 1, A);
    stored.add(new StoredAnswer("s1", "q1", 1, A));
    stored.add(new StoredAnswer("someone-else", "q1", 1, B));

    VerificationReport report = classify();

    assertThat(report.storedRows()).isEqualTo(1);
    assertThat(report.passed()).isTrue();
  }

  @Test
  void withoutSentRecordsPhantomIsNotChecked() {
    log.accept(new AckRecord(Kind.ACKED, "s1", "q1", 1, A));
    stored.add(new StoredAnswer("s1", "q1", 1, A));
    stored.add(new StoredAnswer("s1", "q2", 1, B));

    VerificationReport report = classify();

    assertThat(report.phantom()).isNull();
    assertThat(report.passed()).isTrue();
  }

  @Test
  void anIncompleteLogFailsEvenWithoutFindings() {
    Classifier classifier = new Classifier(log);
    assertThat(classifier.report(0, false).passed()).isFalse();
  }

  @Test
  void examplesAreCappedButCountsAreExact() {
    for (int i = 0; i < 50; i++) {
      sentAndAcked("s1", "q" + i, 1, A);
    }
    VerificationReport report = classify();
    assertThat(report.lost()).isEqualTo(50);
    assertThat(report.examples())
        .filteredOn(f -> f.kind().equals("lost"))
        .hasSize(Classifier.EXAMPLES_PER_KIND);
  }
}
