package io.examday.operator.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * (schedule, now, observed) -> desired state. Pure: no clock, no cluster, so every transition is a
 * unit test with a fixed instant.
 */
public final class Planner {

  /** The plan for {@code input} at {@code now}; throws {@link InvalidScheduleException}. */
  public Plan plan(ScheduleInput input, Instant now, Observed observed) {
    validate(input);
    Timeline timeline = Timeline.of(input);
    List<TargetFloor> floors =
        input.targets().stream()
            .map(target -> CapacityMath.floorFor(input.expectedCandidates(), target))
            .toList();
    int balloons = input.balloons().orElseGet(() -> derivedBalloons(floors));
    if (now.isBefore(timeline.warmAt())) {
      return plan(Phase.PENDING, false, timeline, floors, balloons, input, now, notChecked());
    }
    if (now.isBefore(timeline.start())) {
      boolean pastDeadline = !now.isBefore(timeline.readyBy());
      CapacityReport report = check(floors, balloons, observed, pastDeadline);
      Phase phase = report.ready() ? Phase.CAPACITY_READY : Phase.PRE_WARMING;
      return plan(phase, true, timeline, floors, balloons, input, now, report);
    }
    if (now.isBefore(timeline.end())) {
      // Real pods evict balloons once the herd arrives, so only the targets count from T-0 on.
      CapacityReport report = check(floors, 0, observed, true);
      return plan(Phase.LIVE, true, timeline, floors, balloons, input, now, report);
    }
    if (now.isBefore(timeline.restoreAt())) {
      return plan(Phase.COOLING_DOWN, true, timeline, floors, balloons, input, now, notChecked());
    }
    return plan(Phase.COMPLETED, false, timeline, floors, balloons, input, now, notChecked());
  }

  private static Plan plan(
      Phase phase,
      boolean hold,
      Timeline timeline,
      List<TargetFloor> floors,
      int balloons,
      ScheduleInput input,
      Instant now,
      CapacityReport report) {
    return new Plan(
        phase,
        timeline,
        hold,
        floors,
        balloons,
        input.prePullImages(),
        report,
        timeline.nextAfter(now));
  }

  private static CapacityReport notChecked() {
    return CapacityReport.notChecked();
  }

  /**
   * The balloons keep room for the headroom once more: the floors already run the headroom as real
   * pods, and balloons hold warm nodes for the HPA to grow into without waiting for one.
   */
  static int derivedBalloons(List<TargetFloor> floors) {
    long sum = 0;
    for (TargetFloor floor : floors) {
      sum += floor.headroomPods();
    }
    if (sum > CapacityMath.MAX_REPLICAS) {
      throw new InvalidScheduleException(
          "derived balloon count " + sum + " is too large; set surge.balloons explicitly");
    }
    return (int) sum;
  }

  private static CapacityReport check(
      List<TargetFloor> floors, int balloons, Observed observed, boolean pastDeadline) {
    List<String> missing = new ArrayList<>();
    boolean targetAbsent = false;
    for (TargetFloor floor : floors) {
      String name = floor.target().name();
      TargetObservation seen = observed.target(name);
      if (!seen.hpaFound()) {
        targetAbsent = true;
        missing.add(name + ": HPA " + floor.target().hpa() + " not found");
      } else if (!seen.deploymentFound()) {
        targetAbsent = true;
        missing.add(name + ": Deployment " + floor.target().deployment() + " not found");
      } else if (seen.readyReplicas() < floor.floor()) {
        missing.add(name + ": " + seen.readyReplicas() + "/" + floor.floor() + " pods ready");
      }
    }
    if (observed.balloonsReady() < balloons) {
      missing.add("balloons: " + observed.balloonsReady() + "/" + balloons + " running");
    }
    boolean ready = missing.isEmpty();
    return new CapacityReport(ready, targetAbsent || (pastDeadline && !ready), missing);
  }

  private static void validate(ScheduleInput input) {
    requirePositive("duration", input.duration());
    requireNotNegative("readinessDeadline", input.readinessDeadline());
    requireNotNegative("scaleDownDelay", input.scaleDownDelay());
    if (input.leadTime().compareTo(input.readinessDeadline()) <= 0) {
      throw new InvalidScheduleException(
          "leadTime must be longer than readinessDeadline: capacity is checked after warming starts");
    }
    if (input.targets().isEmpty()) {
      throw new InvalidScheduleException("targets must not be empty");
    }
    Set<String> names = new HashSet<>();
    Set<String> hpas = new HashSet<>();
    for (TargetInput target : input.targets()) {
      if (!names.add(target.name())) {
        throw new InvalidScheduleException("target name " + target.name() + " appears twice");
      }
      if (!hpas.add(target.hpa())) {
        throw new InvalidScheduleException("HPA " + target.hpa() + " is named by two targets");
      }
    }
    if (input.balloons().isPresent() && input.balloons().getAsInt() < 0) {
      throw new InvalidScheduleException("surge.balloons must not be negative");
    }
  }

  private static void requirePositive(String field, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new InvalidScheduleException(
          field + " must be positive: the exam must end after it starts");
    }
  }

  private static void requireNotNegative(String field, Duration value) {
    if (value.isNegative()) {
      throw new InvalidScheduleException(field + " must not be negative");
    }
  }
}
