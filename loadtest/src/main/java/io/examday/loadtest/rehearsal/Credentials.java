package io.examday.loadtest.rehearsal;

import io.examday.loadtest.acklog.ValueHash;

/**
 * Candidate credentials derived from the run id and the candidate's index, so the preparation step
 * and every load-generator shard agree without shipping a file of secrets around.
 */
public final class Credentials {

  private static final int ACCESS_CODE_LENGTH = 12;

  private Credentials() {}

  public static String rollNumber(String runId, int index) {
    return runId + "-" + index;
  }

  public static String accessCode(String runId, int index) {
    return ValueHash.sha256Hex("access:" + runId + ":" + index).substring(0, ACCESS_CODE_LENGTH);
  }
}
