package io.examday.session.domain;

import io.examday.common.spanner.AnswerEventRows;
import java.util.HexFormat;

/** SHA-256 of an answer value: how a retry is recognised as the same save. */
public final class AnswerDigest {

  private AnswerDigest() {}

  /** The digest Spanner's {@code ValueSha256} holds ({@link AnswerEventRows#sha256}). */
  public static byte[] sha256(String value) {
    return AnswerEventRows.sha256(value);
  }

  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
