package io.examday.gateway.live;

import io.examday.common.exam.DeadlineInputs;
import io.examday.gateway.exam.ReleaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A release as one gateway holds it: the record and the key fetched from Vault (base64). Exists
 * only after the release is committed, so the key cannot leave the gateway earlier.
 *
 * <p>Every socket of the exam asks it for a deadline and a release frame (the fan-out, each
 * reconnect, the warning sweep). Candidates differ only by their extra time, which takes few
 * values, so both are computed once per extra-time value and shared by every event loop.
 */
final class ReleasedPaper {

  private final ReleaseRecord record;
  private final Duration examDuration;
  private final String keyBase64;
  private final Map<Integer, Instant> deadlines = new ConcurrentHashMap<>();
  private final Map<Integer, String> frames = new ConcurrentHashMap<>();

  ReleasedPaper(ReleaseRecord record, Duration examDuration, String keyBase64) {
    this.record = record;
    this.examDuration = examDuration;
    this.keyBase64 = keyBase64;
  }

  ReleaseRecord record() {
    return record;
  }

  /** The candidate's deadline from the release alone (the shared rule, plus their extra time). */
  Instant deadlineFor(int extraSeconds) {
    return deadlines.computeIfAbsent(extraSeconds, this::computeDeadline);
  }

  /** The encoded release frame for a candidate with this extra time and no proctor override. */
  String frameFor(int extraSeconds) {
    return frames.computeIfAbsent(extraSeconds, extra -> frameWith(deadlineFor(extra)));
  }

  /** The encoded release frame with a deadline of the candidate's own (a proctor's override). */
  String frameWith(Instant deadline) {
    return Frames.encode(
        new Frames.Release(
            record.examId(),
            record.releasedAt().toString(),
            keyBase64,
            record.paperDigest(),
            deadline.toString()));
  }

  private Instant computeDeadline(int extraSeconds) {
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
