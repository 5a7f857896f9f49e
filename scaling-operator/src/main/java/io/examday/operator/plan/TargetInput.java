package io.examday.operator.plan;

/**
 * One workload to pre-scale.
 *
 * @param name the target's name in status and logs
 * @param deployment the Deployment whose ready replicas are checked
 * @param hpa the HorizontalPodAutoscaler whose floor is raised
 * @param candidatesPerPod candidates one pod serves at the tested load
 * @param headroomPercent extra pods on top of what the candidates need, in percent
 */
public record TargetInput(
    String name, String deployment, String hpa, long candidatesPerPod, int headroomPercent) {}
