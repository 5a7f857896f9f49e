package io.examday.operator.model;

/**
 * Cluster-wide choices for the workloads the operator creates.
 *
 * @param balloonPriorityClass a PriorityClass below every real workload, preemptionPolicy Never
 * @param pauseImage the image balloon pods and the pre-pull DaemonSet's main container run
 */
public record WorkloadSettings(String balloonPriorityClass, String pauseImage) {}
