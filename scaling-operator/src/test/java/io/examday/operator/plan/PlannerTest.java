package io.examday.operator.plan;

import static io.examday.operator.plan.Schedules.START;
import static io.examday.operator.plan.Schedules.national;
import static io.examday.operator.plan.Schedules.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private final Planner planner = new Planner();
  // 1.4 M candidates: exam-session ceil(1.4 M / (58,050 x 0.6)) = 41 pods (25 at full capacity);
  // gateway ceil(1.4 M / (8,000 x 0.6)) = 292 (175).
  private final ScheduleInput schedule = national(1_400_000);
  private final Observed nothingReady = ready(Map.of("exam-session", 3, "release-gateway", 2), 0);
  private final Observed allReady = ready(Map.of("exam-session", 41, "release-gateway", 292), 133);

  @Test
  void floorsFollowTheCapacityMath() {
    Plan plan = planner.plan(schedule, START, nothingReady);

    assertThat(plan.floors()).extracting(TargetFloor::floor).containsExactly(41, 292);
    assertThat(plan.floors()).extracting(TargetFloor::podsForCandidates).containsExactly(25, 175);
    // Balloons keep room for the headroom once more: (41 - 25) + (292 - 175).
    assertThat(plan.balloons()).isEqualTo(133);
  }

  @Test
  void pendingBeforeTheLeadTimeHoldsNothingAndWakesAtWarmUp() {
    Plan plan = planner.plan(schedule, START.minus(Duration.ofHours(5)), nothingReady);

    assertThat(plan.phase()).isEqualTo(Phase.PENDING);
    assertThat(plan.holdCapacity()).isFalse();
    assertThat(plan.nextTransition()).contains(Instant.parse("2027-05-15T07:00:00Z"));
  }

  @Test
  void warmUpStartsExactlyAtStartMinusLeadTime() {
    Instant warm = START.minus(Duration.ofHours(2));

    assertThat(planner.plan(schedule, warm.minusMillis(1), nothingReady).phase())
        .isEqualTo(Phase.PENDING);
    Plan plan = planner.plan(schedule, warm, nothingReady);
    assertThat(plan.phase()).isEqualTo(Phase.PRE_WARMING);
    assertThat(plan.holdCapacity()).isTrue();
    assertThat(plan.capacity().degraded()).isFalse();
    assertThat(plan.nextTransition()).contains(Instant.parse("2027-05-15T08:45:00Z"));
  }

  @Test
  void capacityReadyOnceEveryFloorIsReadyAndTheBalloonsRun() {
    Plan plan = planner.plan(schedule, START.minus(Duration.ofMinutes(40)), allReady);

    assertThat(plan.phase()).isEqualTo(Phase.CAPACITY_READY);
    assertThat(plan.capacity().ready()).isTrue();
    assertThat(plan.capacity().missing()).isEmpty();
  }

  @Test
  void missingCapacityIsDegradedOnlyAfterTheReadinessDeadline() {
    Observed partly = ready(Map.of("exam-session", 30, "release-gateway", 292), 10);

    Plan early = planner.plan(schedule, START.minus(Duration.ofMinutes(16)), partly);
    Plan late = planner.plan(schedule, START.minus(Duration.ofMinutes(15)), partly);

    assertThat(early.phase()).isEqualTo(Phase.PRE_WARMING);
    assertThat(early.capacity().degraded()).isFalse();
    assertThat(late.capacity().degraded()).isTrue();
    assertThat(late.capacity().missing())
        .containsExactly("exam-session: 30/41 pods ready", "balloons: 10/133 running");
    assertThat(late.nextTransition()).contains(START);
  }

  @Test
  void aMissingTargetIsDegradedAtOnce() {
    Observed noHpa =
        new Observed(
            Map.of(
                "exam-session", new TargetObservation(false, true, 0),
                "release-gateway", new TargetObservation(true, true, 292)),
            133);

    Plan plan = planner.plan(schedule, START.minus(Duration.ofHours(1)), noHpa);

    assertThat(plan.capacity().degraded()).isTrue();
    assertThat(plan.capacity().missing())
        .containsExactly("exam-session: HPA exam-session not found");
  }

  @Test
  void liveFromTZeroIgnoresEvictedBalloons() {
    Observed herd = ready(Map.of("exam-session", 60, "release-gateway", 300), 0);

    Plan plan = planner.plan(schedule, START, herd);

    assertThat(plan.phase()).isEqualTo(Phase.LIVE);
    assertThat(plan.holdCapacity()).isTrue();
    assertThat(plan.capacity().ready()).isTrue();
    assertThat(plan.nextTransition()).contains(Instant.parse("2027-05-15T12:00:00Z"));
  }

  @Test
  void coolingDownKeepsTheFloorsUntilTheDelayIsOver() {
    Plan plan = planner.plan(schedule, Instant.parse("2027-05-15T12:10:00Z"), nothingReady);

    assertThat(plan.phase()).isEqualTo(Phase.COOLING_DOWN);
    assertThat(plan.holdCapacity()).isTrue();
    assertThat(plan.nextTransition()).contains(Instant.parse("2027-05-15T12:30:00Z"));
  }

  @Test
  void completedAfterEndPlusDelayReleasesEverythingAndNeverWakes() {
    Plan plan = planner.plan(schedule, Instant.parse("2027-05-15T12:30:00Z"), nothingReady);

    assertThat(plan.phase()).isEqualTo(Phase.COMPLETED);
    assertThat(plan.holdCapacity()).isFalse();
    assertThat(plan.nextTransition()).isEmpty();
  }

  @Test
  void aScheduleCreatedAfterItsStartGoesStraightToLive() {
    Plan plan = planner.plan(schedule, START.plus(Duration.ofMinutes(5)), nothingReady);

    assertThat(plan.phase()).isEqualTo(Phase.LIVE);
    assertThat(plan.holdCapacity()).isTrue();
    assertThat(plan.capacity().degraded()).isTrue();
  }

  @Test
  void aScheduleCreatedLongAfterItEndedTouchesNothing() {
    Plan plan = planner.plan(schedule, START.plus(Duration.ofDays(2)), nothingReady);

    assertThat(plan.phase()).isEqualTo(Phase.COMPLETED);
    assertThat(plan.holdCapacity()).isFalse();
  }

  @Test
  void explicitBalloonCountWinsOverTheDerivedOne() {
    ScheduleInput fixed = withBalloons(schedule, OptionalInt.of(40));

    assertThat(planner.plan(fixed, START, nothingReady).balloons()).isEqualTo(40);
  }

  @Test
  void hugeCountsDoNotOverflow() {
    ScheduleInput huge = national(Long.MAX_VALUE / 2);

    assertThatThrownBy(() -> planner.plan(huge, START, nothingReady))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining("exceeds the most replicas an HPA can hold");
  }

  @Test
  void theLargestFloorAnHpaHoldsIsAccepted() {
    TargetInput onePerPod = new TargetInput("one", "one", "one", 1, 100);
    ScheduleInput max =
        new ScheduleInput(
            "max",
            START,
            Duration.ofHours(1),
            Duration.ofHours(1),
            Duration.ZERO,
            Duration.ZERO,
            Integer.MAX_VALUE,
            List.of(onePerPod),
            OptionalInt.of(0),
            List.of());

    assertThat(planner.plan(max, START, ready(Map.of(), 0)).floors().getFirst().floor())
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void aUtilizationOutsideOneToAHundredIsRejected() {
    for (int utilization : new int[] {0, 101}) {
      TargetInput target = new TargetInput("s", "s", "s", 100, utilization);

      assertThatThrownBy(() -> CapacityMath.floorFor(1_000, target))
          .isInstanceOf(InvalidScheduleException.class)
          .hasMessageContaining("targetUtilizationPercent must be 1-100");
    }
  }

  @Test
  void zeroCandidatesStillKeepsOnePod() {
    Plan plan = planner.plan(national(0), START, nothingReady);

    assertThat(plan.floors()).extracting(TargetFloor::floor).containsExactly(1, 1);
  }

  @Test
  void rejectsWhatAdmissionShouldHaveRejected() {
    assertThatThrownBy(
            () -> planner.plan(withDuration(schedule, Duration.ZERO), START, nothingReady))
        .hasMessageContaining("duration must be positive");
    ScheduleInput noTargets =
        new ScheduleInput(
            "x",
            START,
            Duration.ofHours(1),
            Duration.ofHours(1),
            Duration.ZERO,
            Duration.ZERO,
            10,
            List.of(),
            OptionalInt.empty(),
            List.of());
    assertThatThrownBy(() -> planner.plan(noTargets, START, nothingReady))
        .hasMessageContaining("targets must not be empty");
    ScheduleInput twice =
        new ScheduleInput(
            "x",
            START,
            Duration.ofHours(1),
            Duration.ofHours(1),
            Duration.ZERO,
            Duration.ZERO,
            10,
            List.of(Schedules.SESSION, Schedules.SESSION),
            OptionalInt.empty(),
            List.of());
    assertThatThrownBy(() -> planner.plan(twice, START, nothingReady))
        .hasMessageContaining("appears twice");
  }

  private static ScheduleInput withBalloons(ScheduleInput s, OptionalInt balloons) {
    return new ScheduleInput(
        s.examId(),
        s.start(),
        s.duration(),
        s.leadTime(),
        s.readinessDeadline(),
        s.scaleDownDelay(),
        s.expectedCandidates(),
        s.targets(),
        balloons,
        s.prePullImages());
  }

  private static ScheduleInput withDuration(ScheduleInput s, Duration duration) {
    return new ScheduleInput(
        s.examId(),
        s.start(),
        duration,
        s.leadTime(),
        s.readinessDeadline(),
        s.scaleDownDelay(),
        s.expectedCandidates(),
        s.targets(),
        s.balloons(),
        s.prePullImages());
  }
}
