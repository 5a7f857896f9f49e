package io.examday.operator.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the planner needs from an ExamSchedule, already parsed and free of Kubernetes types.
 *
 * @param examId the exam this schedule prepares for
 * @param start T-0
 * @param duration how long the exam runs
 * @param leadTime how long before T-0 the floors are raised
 * @param readinessDeadline how long before T-0 the capacity must be ready, or Degraded
 * @param scaleDownDelay how long after the end the floors stay up (late submissions)
 * @param expectedCandidates candidates expected at T-0
 * @param targets the workloads to pre-scale
 * @param balloons explicit balloon pod count; empty means derived from the floors; 0 means none
 * @param prePullImages images to pull onto the surge pool before T-0
 */
public record ScheduleInput(
    String examId,
    Instant start,
    Duration duration,
    Duration leadTime,
    Duration readinessDeadline,
    Duration scaleDownDelay,
    long expectedCandidates,
    List<TargetInput> targets,
    OptionalInt balloons,
    List<String> prePullImages) {

  public ScheduleInput {
    targets = List.copyOf(targets);
    prePullImages = List.copyOf(prePullImages);
  }
}
