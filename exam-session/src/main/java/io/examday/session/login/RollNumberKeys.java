package io.examday.session.login;

import io.examday.session.domain.AnswerDigest;

/**
 * Redis keys derived from a roll number. Keys hold a digest, never the roll number itself, so a key
 * listing or a slow-log entry shows nobody's identity.
 */
final class RollNumberKeys {

  private RollNumberKeys() {}

  /** Failed-login counter. */
  static String failures(String rollNumber) {
    return "lf:" + digest(rollNumber);
  }

  /** The login directory entry. */
  static String directory(String rollNumber) {
    return "ld:" + digest(rollNumber);
  }

  private static String digest(String rollNumber) {
    return AnswerDigest.hex(AnswerDigest.sha256(rollNumber)).substring(0, 32);
  }
}
