package io.examday.loadtest.commit;

import com.google.cloud.ByteArray;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The rows the benchmark commits: answer events of the same shape exam-session writes for a save
 * (its {@code AnswerStore.mutation}: an insert-or-update of session, question, sequence, a value of
 * 20-200 characters, its SHA-256 and the commit timestamp). Row {@code n} is a new row for every
 * {@code n}: consecutive rows belong to different sessions, as the saves of one shared commit come
 * from different candidates, and each (session, question) gets the next sequence number.
 */
final class AnswerRows {

  static final int QUESTIONS = 20;
  private final List<String> sessions;

  AnswerRows(List<String> sessions) {
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException("at least one session is needed");
    }
    this.sessions = List.copyOf(sessions);
  }

  String session(long n) {
    return sessions.get((int) (n % sessions.size()));
  }

  static String question(long n, int sessionCount) {
    return "q" + ((n / sessionCount) % QUESTIONS + 1);
  }

  static long sequence(long n, int sessionCount) {
    return n / ((long) sessionCount * QUESTIONS) + 1;
  }

  /** A value of 20 to 200 characters, different from row to row. */
  static String value(long n) {
    int length = 20 + (int) (n * 7919 % 181);
    StringBuilder value = new StringBuilder(length).append("answer ").append(n).append(' ');
    while (value.length() < length) {
      value.append((char) ('a' + value.length() % 26));
    }
    return value.substring(0, length);
  }

  Mutation row(long n) {
    String value = value(n);
    return Mutation.newInsertOrUpdateBuilder("AnswerEvents")
        .set("SessionId")
        .to(session(n))
        .set("QuestionId")
        .to(question(n, sessions.size()))
        .set("ClientSeq")
        .to(sequence(n, sessions.size()))
        .set("Value")
        .to(value)
        .set("ValueSha256")
        .to(ByteArray.copyFrom(sha256(value)))
        .set("CommittedAt")
        .to(Value.COMMIT_TIMESTAMP)
        .build();
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
