package io.examday.common.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything a candidate's deadline depends on. The server decides the deadline; clients only
 * display it. Shared by exam-session (which enforces it) and release-gateway (which pushes it and
 * the time warnings before it).
 *
 * @param releasedAt the official start: the commit timestamp of the exam's release; empty before
 *     release, when there is no deadline yet
 * @param duration the exam's duration
 * @param candidateExtra the candidate's accommodation (extra time)
 * @param sessionExtra extra time granted by proctors to this session
 * @param completedPauses the total length of pauses that have ended
 * @param pausedAt when the current pause began; empty when not paused
 */
public record DeadlineInputs(
    Optional<Instant> releasedAt,
    Duration duration,
    Duration candidateExtra,
    Duration sessionExtra,
    Duration completedPauses,
    Optional<Instant> pausedAt) {

  /** The deadline as of {@code now}: a running pause keeps pushing it back. */
  public Optional<Instant> deadline(Instant now) {
    Duration runningPause =
        pausedAt
            .map(start -> Duration.between(start, now))
            .filter(d -> !d.isNegative())
            .orElse(Duration.ZERO);
    return releasedAt.map(
        start ->
            start
                .plus(duration)
                .plus(candidateExtra)
                .plus(sessionExtra)
                .plus(completedPauses)
                .plus(runningPause));
  }

  /** Time left at {@code now}, never negative; empty before release. */
  public Optional<Duration> remaining(Instant now) {
    return deadline(now).map(d -> now.isBefore(d) ? Duration.between(now, d) : Duration.ZERO);
  }
}
