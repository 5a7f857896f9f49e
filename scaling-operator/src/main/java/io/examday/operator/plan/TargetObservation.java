package io.examday.operator.plan;

/**
 * What the cluster shows for one target.
 *
 * @param hpaFound whether the HPA exists
 * @param deploymentFound whether the Deployment exists
 * @param readyReplicas the Deployment's ready replicas (0 when absent)
 */
public record TargetObservation(boolean hpaFound, boolean deploymentFound, int readyReplicas) {

  public static TargetObservation missing() {
    return new TargetObservation(false, false, 0);
  }
}
