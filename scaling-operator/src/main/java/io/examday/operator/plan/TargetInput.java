package io.examday.operator.plan;

/**
 * One workload to pre-scale.
 *
 * @param name the target's name in status and logs
 * @param deployment the Deployment whose ready replicas are checked
 * @param hpa the HorizontalPodAutoscaler whose floor is raised
 * @param candidatesPerPod candidates one pod serves at its measured capacity
 * @param targetUtilizationPercent share of candidatesPerPod each pod is planned to carry (1-100)
 */
public record TargetInput(
    String name,
    String deployment,
    String hpa,
    long candidatesPerPod,
    int targetUtilizationPercent) {}
