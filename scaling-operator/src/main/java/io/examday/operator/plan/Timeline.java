package io.examday.operator.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The instants at which a schedule changes what it wants.
 *
 * @param warmAt start - lead time: floors raised, balloons and pre-pull created
 * @param readyBy start - readiness deadline: capacity not ready by then is Degraded
 * @param start T-0
 * @param end start + duration
 * @param restoreAt end + scale-down delay: floors restored, balloons and pre-pull deleted
 */
public record Timeline(
    Instant warmAt, Instant readyBy, Instant start, Instant end, Instant restoreAt) {

  public static Timeline of(ScheduleInput input) {
    Instant start = input.start();
    Instant end = start.plus(input.duration());
    return new Timeline(
        start.minus(input.leadTime()),
        start.minus(input.readinessDeadline()),
        start,
        end,
        end.plus(input.scaleDownDelay()));
  }

  /** The first transition strictly after {@code now}; empty once the schedule is done. */
  public Optional<Instant> nextAfter(Instant now) {
    return List.of(warmAt, readyBy, start, end, restoreAt).stream()
        .filter(instant -> instant.isAfter(now))
        .findFirst();
  }
}
