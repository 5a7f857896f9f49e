package io.examday.loadtest.acklog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The answer fingerprint both the log and Spanner's {@code ValueSha256} use. */
public final class ValueHash {

  private static final HexFormat HEX = HexFormat.of();
  private static final int SHA256_HEX_LENGTH = 64;

  private ValueHash() {}

  /** Lower-case hex SHA-256 of the value's UTF-8 bytes. */
  public static String sha256Hex(String value) {
    return hex(sha256(value.getBytes(StandardCharsets.UTF_8)));
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

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
