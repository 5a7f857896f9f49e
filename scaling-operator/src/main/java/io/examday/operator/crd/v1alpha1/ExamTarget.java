package io.examday.operator.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** One workload in the schedule's namespace: a Deployment and the HPA that scales it. */
public class ExamTarget {

  /** docs/capacity.md's h = 0.6: pods run at 60 % of what was measured. */
  public static final int DEFAULT_TARGET_UTILIZATION_PERCENT = 60;

  private static final String NAME_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  @Required
  @Pattern(NAME_PATTERN)
  @JsonPropertyDescription("The target's name in status, e.g. exam-session.")
  private String name;

  @Required
  @Pattern(NAME_PATTERN)
  @JsonPropertyDescription("The Deployment whose ready replicas are checked.")
  private String deployment;

  @Required
  @Pattern(NAME_PATTERN)
  @JsonPropertyDescription("The HorizontalPodAutoscaler whose minReplicas is raised.")
  private String hpa;

  @Required
  @Min(1)
  @JsonPropertyDescription("Candidates one pod serves at its measured capacity (docs/capacity.md).")
  private long candidatesPerPod;

  @Default("60")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "Share of candidatesPerPod each pod is planned to carry, in percent (docs/capacity.md's h):"
          + " floor = ceil(expected / (candidatesPerPod x this / 100)).")
  private int targetUtilizationPercent = DEFAULT_TARGET_UTILIZATION_PERCENT;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDeployment() {
    return deployment;
  }

  public void setDeployment(String deployment) {
    this.deployment = deployment;
  }

  public String getHpa() {
    return hpa;
  }

  public void setHpa(String hpa) {
    this.hpa = hpa;
  }

  public long getCandidatesPerPod() {
    return candidatesPerPod;
  }

  public void setCandidatesPerPod(long candidatesPerPod) {
    this.candidatesPerPod = candidatesPerPod;
  }

  public int getTargetUtilizationPercent() {
    return targetUtilizationPercent;
  }

  public void setTargetUtilizationPercent(int targetUtilizationPercent) {
    this.targetUtilizationPercent = targetUtilizationPercent;
  }
}
