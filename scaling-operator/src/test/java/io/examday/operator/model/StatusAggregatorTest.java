package io.examday.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.examday.operator.crd.v1alpha1.ExamScheduleStatus;
import io.examday.operator.plan.FloorLedger;
import io.examday.operator.plan.Observed;
import io.examday.operator.plan.Plan;
import io.examday.operator.plan.Planner;
import io.examday.operator.plan.ScheduleInput;
import io.examday.operator.plan.TargetInput;
import io.examday.operator.plan.TargetObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {

  private static final Instant START = Instant.parse("2027-05-15T09:00:00Z");
  private static final ScheduleInput INPUT =
      new ScheduleInput(
          "nat",
          START,
          Duration.ofHours(3),
          Duration.ofHours(2),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          1_000,
          List.of(new TargetInput("s", "s", "s", 100, 85)),
          OptionalInt.of(0),
          List.of());
  private static final Map<String, FloorLedger> LEDGERS =
      Map.of("s", FloorLedger.current(Map.of(), 3, 10).with("ns/x", 12));

  private final Planner planner = new Planner();

  @Test
  void capacityReadyRecordsWhenAndTheMarginBeforeTZero() {
    Instant readyAt = START.minus(Duration.ofMinutes(40));
    ExamScheduleStatus warming = status(null, START.minus(Duration.ofHours(1)), 5);
    ExamScheduleStatus ready = status(warming, readyAt, 12);

    assertThat(ready.getPhase()).isEqualTo("CapacityReady");
    assertThat(ready.getCapacityReadyTime()).isEqualTo("2027-05-15T08:20:00Z");
    assertThat(ready.getCapacityMarginSeconds()).isEqualTo(2_400);
    assertThat(ready.getTargets().getFirst().getOriginalMinReplicas()).isEqualTo(3);
    assertThat(ready.getTargets().getFirst().getFloor()).isEqualTo(12);
  }

  @Test
  void aConditionKeepsItsTransitionTimeWhileItsStatusHolds() {
    ExamScheduleStatus first = status(null, START.minus(Duration.ofMinutes(40)), 12);
    ExamScheduleStatus later = status(first, START.minus(Duration.ofMinutes(20)), 12);

    assertThat(
            StatusAggregator.find(later, StatusAggregator.CAPACITY_READY)
                .orElseThrow()
                .getLastTransitionTime())
        .isEqualTo("2027-05-15T08:20:00Z");
    assertThat(later.getCapacityMarginSeconds()).isEqualTo(2_400);
    assertThat(later).isEqualTo(status(first, START.minus(Duration.ofMinutes(20)), 12));
  }

  @Test
  void everyConditionCarriesTheObservedGeneration() {
    ExamScheduleStatus status = status(null, START.minus(Duration.ofHours(1)), 5);

    assertThat(status.getConditions())
        .extracting(c -> c.getType() + "/" + c.getObservedGeneration())
        .containsExactly("FloorsRaised/7", "CapacityReady/7", "Degraded/7");
  }

  @Test
  void anInvalidSpecIsFailedWithTheReasonInDegraded() {
    ExamScheduleStatus status =
        StatusAggregator.invalid(null, 7, "duration must be positive", START);

    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(StatusAggregator.find(status, StatusAggregator.DEGRADED).orElseThrow().getReason())
        .isEqualTo("InvalidSpec");
  }

  private ExamScheduleStatus status(ExamScheduleStatus previous, Instant now, int ready) {
    Observed observed = new Observed(Map.of("s", new TargetObservation(true, true, ready)), 0);
    Plan plan = planner.plan(INPUT, now, observed);
    return StatusAggregator.of(previous, 7, plan, observed, LEDGERS, now);
  }
}
