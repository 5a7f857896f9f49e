package io.examday.operator.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The desired state of one schedule at one instant.
 *
 * @param phase the phase to report
 * @param timeline the schedule's transitions
 * @param holdCapacity whether the floors, balloons and pre-pull should exist now
 * @param floors per target, in spec order
 * @param balloons balloon pods wanted while holding capacity
 * @param prePullImages images to pre-pull while holding capacity
 * @param capacity the readiness check
 * @param nextTransition when to wake up next; empty once the schedule is done
 */
public record Plan(
    Phase phase,
    Timeline timeline,
    boolean holdCapacity,
    List<TargetFloor> floors,
    int balloons,
    List<String> prePullImages,
    CapacityReport capacity,
    Optional<Instant> nextTransition) {

  public Plan {
    floors = List.copyOf(floors);
    prePullImages = List.copyOf(prePullImages);
  }
}
