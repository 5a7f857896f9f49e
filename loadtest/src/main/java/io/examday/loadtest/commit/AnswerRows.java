package io.examday.loadtest.commit;

import com.google.cloud.spanner.Mutation;
import io.examday.common.spanner.AnswerEventRows;
import java.util.List;

/**
 * The rows the benchmark commits: answer events written as exam-session writes a save's ({@link
 * AnswerEventRows}), with values of 20-200 characters. Row {@code n} is a new row for every {@code
 * n}: consecutive rows belong to different sessions, as the saves of one shared commit come from
 * different candidates, and each (session, question) gets the next sequence number.
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
    return AnswerEventRows.blindWrite(
        session(n), question(n, sessions.size()), sequence(n, sessions.size()), value(n));
  }
}
