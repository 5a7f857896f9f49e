package io.examday.gateway.live;

import io.examday.common.exam.DeadlineInputs;
import io.examday.gateway.exam.ReleaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A release as one gateway holds it: the record and the key fetched from Vault (base64). Exists
 * only after the release is committed, so the key cannot leave the gateway earlier.
 */
record ReleasedPaper(ReleaseRecord record, Duration examDuration, String keyBase64) {

  /** The candidate's deadline from the release alone (the shared rule, plus their extra time). */
  Instant deadlineFor(int extraSeconds) {
    return new DeadlineInputs(
            Optional.of(record.releasedAt()),
            examDuration,
            Duration.ofSeconds(extraSeconds),
            Duration.ZERO,
            Duration.ZERO,
            Optional.empty())
        .deadline(record.releasedAt())
        .orElseThrow();
  }

  @Override
  public String toString() {
    return "ReleasedPaper[" + record + ", key=<redacted>]";
  }
}
