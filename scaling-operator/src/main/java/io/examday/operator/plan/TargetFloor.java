package io.examday.operator.plan;

/**
 * The floor one target gets.
 *
 * @param target the target
 * @param podsForCandidates ceil(expected / perPod): the pods the candidates need, no headroom
 * @param floor the HPA minReplicas asked for, headroom included
 */
public record TargetFloor(TargetInput target, int podsForCandidates, int floor) {

  /** The headroom part of the floor. */
  public int headroomPods() {
    return floor - podsForCandidates;
  }
}
