package io.examday.operator.model;

import io.examday.operator.crd.v1alpha1.ExamScheduleStatus;
import io.examday.operator.crd.v1alpha1.TargetStatus;
import io.examday.operator.plan.CapacityReport;
import io.examday.operator.plan.FloorLedger;
import io.examday.operator.plan.Observed;
import io.examday.operator.plan.Phase;
import io.examday.operator.plan.Plan;
import io.examday.operator.plan.TargetFloor;
import io.examday.operator.plan.TargetObservation;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the status from the plan and what was seen, keeping each condition's lastTransitionTime
 * while its status does not change. Pure: the reconciler decides what to write and which events to
 * send by comparing the old status with this one.
 */
public final class StatusAggregator {

  public static final String FLOORS_RAISED = "FloorsRaised";
  public static final String CAPACITY_READY = "CapacityReady";
  public static final String DEGRADED = "Degraded";

  private StatusAggregator() {}

  /** The status for a schedule the planner accepted. */
  public static ExamScheduleStatus of(
      ExamScheduleStatus previous,
      long generation,
      Plan plan,
      Observed observed,
      Map<String, FloorLedger> ledgers,
      Instant now) {
    ExamScheduleStatus status = new ExamScheduleStatus();
    status.setPhase(plan.phase().label());
    status.setObservedGeneration(generation);
    status.setTargets(targets(plan, observed, ledgers));
    status.setBalloonsDesired(plan.holdCapacity() ? plan.balloons() : 0);
    status.setBalloonsReady(observed.balloonsReady());
    status.setNextTransitionTime(plan.nextTransition().map(StatusAggregator::format).orElse(null));
    CapacityReport capacity = plan.capacity();
    List<Condition> conditions = new ArrayList<>();
    conditions.add(floorsRaised(plan, capacity, previous, generation, now));
    conditions.add(capacityReady(plan, capacity, previous, generation, now));
    conditions.add(degraded(capacity, previous, generation, now));
    status.setConditions(conditions);
    status.setMessage(capacity.missing().isEmpty() ? null : String.join("; ", capacity.missing()));
    carryCapacityReadyTime(status, previous, plan);
    return status;
  }

  /** The status for a schedule the planner rejected: Failed, with the reason in Degraded. */
  public static ExamScheduleStatus invalid(
      ExamScheduleStatus previous, long generation, String message, Instant now) {
    ExamScheduleStatus status = new ExamScheduleStatus();
    status.setPhase(Phase.FAILED.label());
    status.setObservedGeneration(generation);
    status.setMessage(message);
    status.setConditions(
        List.of(
            condition(FLOORS_RAISED, false, "InvalidSpec", message, previous, generation, now),
            condition(CAPACITY_READY, false, "InvalidSpec", message, previous, generation, now),
            condition(DEGRADED, true, "InvalidSpec", message, previous, generation, now)));
    return status;
  }

  /**
   * The previous status with Degraded set to the error a reconcile ended in (reason: the
   * exception's name), so `kubectl describe` shows why nothing moves while JOSDK retries.
   */
  public static ExamScheduleStatus failedAttempt(
      ExamScheduleStatus previous, long generation, Exception error, Instant now) {
    ExamScheduleStatus status = previous == null ? new ExamScheduleStatus() : previous;
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    List<Condition> conditions = new ArrayList<>();
    if (status.getConditions() != null) {
      status.getConditions().stream()
          .filter(c -> !DEGRADED.equals(c.getType()))
          .forEach(conditions::add);
    }
    conditions.add(
        condition(
            DEGRADED, true, error.getClass().getSimpleName(), message, previous, generation, now));
    status.setConditions(conditions);
    status.setMessage(message);
    return status;
  }

  /** The condition of {@code type} in {@code status}, if any. */
  public static Optional<Condition> find(ExamScheduleStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public static boolean isTrue(ExamScheduleStatus status, String type) {
    return find(status, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static List<TargetStatus> targets(
      Plan plan, Observed observed, Map<String, FloorLedger> ledgers) {
    List<TargetStatus> targets = new ArrayList<>();
    for (TargetFloor floor : plan.floors()) {
      String name = floor.target().name();
      TargetObservation seen = observed.target(name);
      FloorLedger ledger = ledgers.get(name);
      targets.add(
          new TargetStatus(
              name,
              floor.target().hpa(),
              floor.floor(),
              seen.readyReplicas(),
              ledger == null ? null : ledger.originalMin(),
              ledger == null ? null : ledger.originalMax()));
    }
    return targets;
  }

  private static Condition floorsRaised(
      Plan plan,
      CapacityReport capacity,
      ExamScheduleStatus previous,
      long generation,
      Instant now) {
    if (!plan.holdCapacity()) {
      String reason = plan.phase() == Phase.PENDING ? "NotYet" : "Restored";
      String message =
          plan.phase() == Phase.PENDING
              ? "floors are raised at " + format(plan.timeline().warmAt())
              : "original floors restored";
      return condition(FLOORS_RAISED, false, reason, message, previous, generation, now);
    }
    boolean absent = capacity.missing().stream().anyMatch(line -> line.endsWith("not found"));
    return absent
        ? condition(
            FLOORS_RAISED,
            false,
            "TargetNotFound",
            "a target is missing",
            previous,
            generation,
            now)
        : condition(FLOORS_RAISED, true, "Raised", "HPA floors raised", previous, generation, now);
  }

  private static Condition capacityReady(
      Plan plan,
      CapacityReport capacity,
      ExamScheduleStatus previous,
      long generation,
      Instant now) {
    return switch (plan.phase()) {
      case PENDING ->
          condition(
              CAPACITY_READY,
              false,
              "NotYet",
              "warm-up has not started",
              previous,
              generation,
              now);
      case COOLING_DOWN, COMPLETED ->
          condition(
              CAPACITY_READY, false, "Ended", "the exam has ended", previous, generation, now);
      default ->
          capacity.ready()
              ? condition(
                  CAPACITY_READY,
                  true,
                  "CapacityVerified",
                  "every target has its floor of ready pods and the balloons run",
                  previous,
                  generation,
                  now)
              : condition(
                  CAPACITY_READY,
                  false,
                  "Waiting",
                  String.join("; ", capacity.missing()),
                  previous,
                  generation,
                  now);
    };
  }

  private static Condition degraded(
      CapacityReport capacity, ExamScheduleStatus previous, long generation, Instant now) {
    if (!capacity.degraded()) {
      return condition(DEGRADED, false, "AsPlanned", "nothing missing", previous, generation, now);
    }
    boolean absent = capacity.missing().stream().anyMatch(line -> line.endsWith("not found"));
    return condition(
        DEGRADED,
        true,
        absent ? "TargetNotFound" : "CapacityMissing",
        String.join("; ", capacity.missing()),
        previous,
        generation,
        now);
  }

  private static void carryCapacityReadyTime(
      ExamScheduleStatus status, ExamScheduleStatus previous, Plan plan) {
    Instant start = plan.timeline().start();
    Optional<Condition> ready = find(status, CAPACITY_READY);
    if (plan.phase() == Phase.CAPACITY_READY && ready.isPresent()) {
      Instant readyAt = Instant.parse(ready.get().getLastTransitionTime());
      status.setCapacityReadyTime(format(readyAt));
      status.setCapacityMarginSeconds(Duration.between(readyAt, start).toSeconds());
    } else if (previous != null && previous.getCapacityReadyTime() != null) {
      status.setCapacityReadyTime(previous.getCapacityReadyTime());
      status.setCapacityMarginSeconds(previous.getCapacityMarginSeconds());
    }
  }

  private static Condition condition(
      String type,
      boolean value,
      String reason,
      String message,
      ExamScheduleStatus previous,
      long generation,
      Instant now) {
    String status = value ? "True" : "False";
    String since =
        find(previous, type)
            .filter(old -> status.equals(old.getStatus()) && old.getLastTransitionTime() != null)
            .map(Condition::getLastTransitionTime)
            .orElse(format(now));
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(since)
        .build();
  }
}
