package io.examday.operator.plan;

/**
 * The floor one target gets.
 *
 * @param target the target
 * @param podsForCandidates ceil(expected / perPod): the pods the candidates need at full capacity
 * @param floor the HPA minReplicas asked for: the pods they need at the target utilization
 */
public record TargetFloor(TargetInput target, int podsForCandidates, int floor) {

  /** The headroom part of the floor: the pods the target utilization adds. */
  public int headroomPods() {
    return floor - podsForCandidates;
  }
}
