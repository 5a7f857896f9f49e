package io.examday.operator.model;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.crd.v1alpha1.ExamScheduleSpec;
import io.examday.operator.crd.v1alpha1.ExamTarget;
import io.examday.operator.crd.v1alpha1.SurgeCapacity;
import io.examday.operator.plan.DurationText;
import io.examday.operator.plan.InvalidScheduleException;
import io.examday.operator.plan.ScheduleInput;
import io.examday.operator.plan.TargetInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalInt;

/** ExamSchedule (Kubernetes bean) -> ScheduleInput (the planner's plain input). */
public final class ScheduleInputs {

  private ScheduleInputs() {}

  public static ScheduleInput from(ExamSchedule schedule) {
    ExamScheduleSpec spec = schedule.getSpec();
    if (spec == null) {
      throw new InvalidScheduleException("spec is required");
    }
    List<ExamTarget> targets = spec.getTargets() == null ? List.of() : spec.getTargets();
    SurgeCapacity surge = spec.getSurge();
    return new ScheduleInput(
        spec.getExamId(),
        startOf(spec.getStartTime()),
        DurationText.parse("duration", spec.getDuration()),
        DurationText.parse("leadTime", spec.getLeadTime()),
        DurationText.parse("readinessDeadline", spec.getReadinessDeadline()),
        DurationText.parse("scaleDownDelay", spec.getScaleDownDelay()),
        spec.getExpectedCandidates(),
        targets.stream().map(ScheduleInputs::target).toList(),
        balloons(surge),
        spec.getPrePullImages() == null ? List.of() : spec.getPrePullImages());
  }

  private static OptionalInt balloons(SurgeCapacity surge) {
    if (surge == null) {
      return OptionalInt.of(0);
    }
    return surge.getBalloons() == null ? OptionalInt.empty() : OptionalInt.of(surge.getBalloons());
  }

  private static TargetInput target(ExamTarget target) {
    return new TargetInput(
        target.getName(),
        target.getDeployment(),
        target.getHpa(),
        target.getCandidatesPerPod(),
        target.getTargetUtilizationPercent());
  }

  private static Instant startOf(String text) {
    if (text == null) {
      throw new InvalidScheduleException("startTime is required");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidScheduleException(
          "startTime must be RFC 3339 with an offset (2027-05-15T09:00:00+05:30), got '"
              + text
              + "'");
    }
  }
}
