package io.examday.loadtest.acklog;

import java.util.Objects;

/**
 * One line of the acknowledgement log.
 *
 * @param kind sent or acknowledged
 * @param sessionId exam-session's session id
 * @param questionId the question
 * @param seq the client's per-question sequence number
 * @param valueSha256 lower-case hex SHA-256 of the UTF-8 answer value
 */
public record AckRecord(
    Kind kind, String sessionId, String questionId, long seq, String valueSha256) {

  /** What the line records. */
  public enum Kind {
    /** The autosave request was about to be sent. */
    SENT('S'),
    /** exam-session answered SAVED for this question and sequence. */
    ACKED('A');

    private final char tag;

    Kind(char tag) {
      this.tag = tag;
    }

    char tag() {
      return tag;
    }

    static Kind ofTag(String tag) {
      for (Kind kind : values()) {
        if (tag.length() == 1 && tag.charAt(0) == kind.tag) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown record kind '" + tag + "'");
    }
  }

  public AckRecord {
    Objects.requireNonNull(kind, "kind");
    requireField(sessionId, "sessionId");
    requireField(questionId, "questionId");
    requireField(valueSha256, "valueSha256");
    if (!ValueHash.isHex(valueSha256)) {
      throw new IllegalArgumentException("valueSha256 must be 64 lower-case hex digits");
    }
  }

  private static void requireField(String value, String name) {
    if (value == null || value.isEmpty() || value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(name + " must be non-empty without tabs or newlines");
    }
  }

  /** The record as one log line, without the line break. */
  String toLine() {
    return kind.tag() + "\t" + sessionId + "\t" + questionId + "\t" + seq + "\t" + valueSha256;
  }

  static AckRecord parse(String line) {
    String[] fields = line.split("\t", -1);
    if (fields.length != 5) {
      throw new IllegalArgumentException("expected 5 tab-separated fields, got " + fields.length);
    }
    return new AckRecord(
        Kind.ofTag(fields[0]), fields[1], fields[2], Long.parseLong(fields[3]), fields[4]);
  }
}
