package io.examday.operator.cli;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.crd.v1alpha1.SurgeCapacity;
import io.examday.operator.plan.DurationText;
import io.examday.operator.plan.Plan;
import io.examday.operator.plan.ScheduleInput;
import io.examday.operator.plan.TargetFloor;
import io.examday.operator.plan.TargetInput;
import io.examday.operator.plan.Timeline;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Prints a plan for people: the timeline relative to T-0 and how each number was reached. */
final class TimelinePrinter {

  private final PrintStream out;

  TimelinePrinter(PrintStream out) {
    this.out = out;
  }

  void print(ExamSchedule schedule, ScheduleInput input, Plan plan, Instant now) {
    Timeline t = plan.timeline();
    out.printf(
        "ExamSchedule %s (exam %s): %s candidates expected%n%n",
        schedule.getMetadata().getName(), input.examId(), number(input.expectedCandidates()));
    out.println("Timeline (UTC)");
    line(t.warmAt(), t, "raise HPA floors" + balloonsText(plan) + prePullText(plan));
    line(t.readyBy(), t, "readiness deadline: CapacityReady, or Degraded with what is missing");
    line(t.start(), t, "exam starts (Live); floors held");
    line(t.end(), t, "exam ends (CoolingDown); floors held for late submissions");
    line(t.restoreAt(), t, "restore original floors, delete balloons and pre-pull (Completed)");
    out.println();
    out.println("Capacity math: floor = ceil(expected / (candidatesPerPod x targetUtilization))");
    for (TargetFloor floor : plan.floors()) {
      TargetInput target = floor.target();
      out.printf(
          "  %-18s ceil(%s / %s) = %s pods at full capacity; at %d%% -> minReplicas %s on HPA %s%n",
          target.name(),
          number(input.expectedCandidates()),
          number(target.candidatesPerPod()),
          number(floor.podsForCandidates()),
          target.targetUtilizationPercent(),
          number(floor.floor()),
          target.hpa());
    }
    out.println(balloonsLine(schedule, input, plan));
    out.println();
    out.printf(
        "At %s: phase %s; next transition %s%n",
        now,
        plan.phase().label(),
        plan.nextTransition().map(Instant::toString).orElse("none (done)"));
  }

  private String balloonsLine(ExamSchedule schedule, ScheduleInput input, Plan plan) {
    SurgeCapacity surge = schedule.getSpec().getSurge();
    if (surge == null || plan.balloons() == 0) {
      return "  balloons           none";
    }
    String how =
        input.balloons().isPresent()
            ? "as set in surge.balloons"
            : "the floors' headroom pods, summed";
    return String.format(
        Locale.ROOT,
        "  balloons           %s pods (%s), each %s CPU / %s, on nodes %s",
        number(plan.balloons()),
        how,
        surge.getPodCpu(),
        surge.getPodMemory(),
        surge.getNodeSelector());
  }

  private static String balloonsText(Plan plan) {
    return plan.balloons() == 0 ? "" : ", create " + number(plan.balloons()) + " balloon pods";
  }

  private static String prePullText(Plan plan) {
    int images = plan.prePullImages().size();
    return images == 0 ? "" : ", pre-pull " + images + (images == 1 ? " image" : " images");
  }

  private void line(Instant at, Timeline t, String what) {
    out.printf("  %s  %-10s %s%n", at, relative(Duration.between(t.start(), at)), what);
  }

  private static String relative(Duration fromStart) {
    if (fromStart.isZero()) {
      return "T-0";
    }
    return (fromStart.isNegative() ? "T-" : "T+") + DurationText.format(fromStart.abs());
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
