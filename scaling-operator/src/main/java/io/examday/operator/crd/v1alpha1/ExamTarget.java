package io.examday.operator.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** One workload in the schedule's namespace: a Deployment and the HPA that scales it. */
public class ExamTarget {

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
  @JsonPropertyDescription("Candidates one pod serves (from the load test, docs/capacity.md).")
  private long candidatesPerPod;

  @Default("20")
  @Min(0)
  @Max(500)
  @JsonPropertyDescription("Extra pods on top of what the candidates need, in percent.")
  private int headroomPercent = 20;

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

  public int getHeadroomPercent() {
    return headroomPercent;
  }

  public void setHeadroomPercent(int headroomPercent) {
    this.headroomPercent = headroomPercent;
  }
}
