package io.examday.loadtest.acklog;

import io.examday.common.spanner.AnswerEventRows;
import java.util.HexFormat;

/** The answer fingerprint both the log and Spanner's {@code ValueSha256} use. */
public final class ValueHash {

  private static final HexFormat HEX = HexFormat.of();
  private static final int SHA256_HEX_LENGTH = 64;

  private ValueHash() {}

  /** Lower-case hex SHA-256 of the value's UTF-8 bytes. */
  public static String sha256Hex(String value) {
    return hex(AnswerEventRows.sha256(value));
  }

  public static String hex(byte[] digest) {
    return HEX.formatHex(digest);
  }

  static boolean isHex(String value) {
    if (value.length() != SHA256_HEX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
