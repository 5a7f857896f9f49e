package io.examday.loadtest.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.spanner.Mutation;
import io.examday.common.spanner.AnswerEventRows;
import io.examday.common.spanner.SessionRows;
import io.examday.common.testing.SpannerTestDatabase;
import io.examday.loadtest.acklog.AckLogWriter;
import io.examday.loadtest.acklog.ValueHash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier against the Spanner emulator with synthetic AnswerEvents rows. */
class VerifierIT {

  private static SpannerTestDatabase db;

  @TempDir Path dir;

  private final String session = UUID.randomUUID().toString();
  private final List<Mutation> rows = new ArrayList<>();

  @BeforeAll
  static void createDatabase() {
    db = SpannerTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void aCleanRunPasses() throws Exception {
    Path log = dir.resolve("clean.acklog");
    try (AckLogWriter writer = AckLogWriter.create(log)) {
      saveAndAck(writer, "q1", 1, "A");
      saveAndAck(writer, "q1", 2, "B");
      saveAndAck(writer, "q2", 1, "C");
    }
    commitRows();

    VerificationReport report = Verifier.verify(db.client(), List.of(log));

    assertThat(report.passed()).isTrue();
    assertThat(report.acked()).isEqualTo(3);
    assertThat(report.storedRows()).isEqualTo(3);
    assertThat(report.lost()).isZero();
    assertThat(report.stale()).isZero();
    assertThat(report.phantom()).isZero();
  }

  @Test
  void anAcknowledgedAnswerMissingFromSpannerIsLostAndStale() throws Exception {
    Path log = dir.resolve("lost.acklog");
    try (AckLogWriter writer = AckLogWriter.create(log)) {
      saveAndAck(writer, "q1", 1, "A");
      String hash = ValueHash.sha256Hex("B");
      writer.sent(session, "q1", 2, hash);
      writer.acked(session, "q1", 2, hash); // acknowledged, but the row never reaches Spanner
    }
    commitRows();

    VerificationReport report = Verifier.verify(db.client(), List.of(log));

    assertThat(report.lost()).isEqualTo(1);
    assertThat(report.stale()).isEqualTo(1);
    assertThat(report.phantom()).isZero();
    assertThat(report.passed()).isFalse();
  }

  @Test
  void anOlderAcknowledgedAnswerMissingIsLostButNotStale() throws Exception {
    Path log = dir.resolve("lost-old.acklog");
    try (AckLogWriter writer = AckLogWriter.create(log)) {
      String hash = ValueHash.sha256Hex("A");
      writer.sent(session, "q1", 1, hash);
      writer.acked(session, "q1", 1, hash);
      saveAndAck(writer, "q1", 2, "B");
    }
    commitRows();

    VerificationReport report = Verifier.verify(db.client(), List.of(log));

    assertThat(report.lost()).isEqualTo(1);
    assertThat(report.stale()).isZero();
  }

  @Test
  void aStoredAnswerNeverSentIsPhantom() throws Exception {
    Path log = dir.resolve("phantom.acklog");
    try (AckLogWriter writer = AckLogWriter.create(log)) {
      saveAndAck(writer, "q1", 1, "A");
    }
    store("q1", 5, "invented");
    commitRows();

    VerificationReport report = Verifier.verify(db.client(), List.of(log));

    assertThat(report.phantom()).isEqualTo(1);
    assertThat(report.lost()).isZero();
    assertThat(report.stale()).isZero();
    assertThat(report.examples())
        .containsExactly(new Finding("phantom", session, "q1", 5, "stored but never sent"));
  }

  @Test
  void aStoredValueThatDiffersFromTheAcknowledgedOneIsLostAndPhantom() throws Exception {
    Path log = dir.resolve("corrupt.acklog");
    try (AckLogWriter writer = AckLogWriter.create(log)) {
      String hash = ValueHash.sha256Hex("A");
      writer.sent(session, "q1", 1, hash);
      writer.acked(session, "q1", 1, hash);
    }
    store("q1", 1, "not what was sent");
    commitRows();

    VerificationReport report = Verifier.verify(db.client(), List.of(log));

    assertThat(report.lost()).isEqualTo(1);
    assertThat(report.phantom()).isEqualTo(1);
  }

  @Test
  void sentButUnacknowledgedRowsAndOtherSessionsDoNotFailTheRun() throws Exception {
    Path log = dir.resolve("unacked.acklog");
    try (AckLogWriter writer = AckLogWriter.create(log)) {
      saveAndAck(writer, "q1", 1, "A");
      writer.sent(session, "q1", 2, ValueHash.sha256Hex("B")); // response lost on a reconnect
    }
    store("q1", 2, "B");
    String otherSession = UUID.randomUUID().toString();
    sessionRow(otherSession);
    rows.add(answerRow(otherSession, "q1", 1, "not in this run"));
    commitRows();

    VerificationReport report = Verifier.verify(db.client(), List.of(log));

    assertThat(report.passed()).isTrue();
    assertThat(report.committedUnacked()).isEqualTo(1);
    assertThat(report.storedRows()).isEqualTo(2);
  }

  private void saveAndAck(AckLogWriter writer, String question, long seq, String value) {
    String hash = ValueHash.sha256Hex(value);
    writer.sent(session, question, seq, hash);
    store(question, seq, value);
    writer.acked(session, question, seq, hash);
  }

  private void store(String question, long seq, String value) {
    rows.add(answerRow(session, question, seq, value));
  }

  private void commitRows() {
    sessionRow(session);
    db.client().writeAtLeastOnce(rows);
  }

  private void sessionRow(String sessionId) {
    rows.addFirst(SessionRows.firstAttempt(sessionId, UUID.randomUUID().toString(), "verifier-it"));
  }

  private static Mutation answerRow(String sessionId, String question, long seq, String value) {
    return AnswerEventRows.blindWrite(sessionId, question, seq, value);
  }
}
