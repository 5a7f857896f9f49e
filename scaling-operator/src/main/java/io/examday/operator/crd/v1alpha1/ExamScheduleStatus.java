package io.examday.operator.crd.v1alpha1;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the operator saw and did. */
public class ExamScheduleStatus {

  private String phase;
  private Long observedGeneration;
  private List<Condition> conditions = new ArrayList<>();
  private List<TargetStatus> targets = new ArrayList<>();
  private Integer balloonsDesired;
  private Integer balloonsReady;
  private String nextTransitionTime;
  private String capacityReadyTime;
  private Long capacityMarginSeconds;
  private String message;

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public List<TargetStatus> getTargets() {
    return targets;
  }

  public void setTargets(List<TargetStatus> targets) {
    this.targets = targets;
  }

  public Integer getBalloonsDesired() {
    return balloonsDesired;
  }

  public void setBalloonsDesired(Integer balloonsDesired) {
    this.balloonsDesired = balloonsDesired;
  }

  public Integer getBalloonsReady() {
    return balloonsReady;
  }

  public void setBalloonsReady(Integer balloonsReady) {
    this.balloonsReady = balloonsReady;
  }

  /** When the operator wakes next (RFC 3339, UTC); absent once Completed. */
  public String getNextTransitionTime() {
    return nextTransitionTime;
  }

  public void setNextTransitionTime(String nextTransitionTime) {
    this.nextTransitionTime = nextTransitionTime;
  }

  /** When CapacityReady first became true. */
  public String getCapacityReadyTime() {
    return capacityReadyTime;
  }

  public void setCapacityReadyTime(String capacityReadyTime) {
    this.capacityReadyTime = capacityReadyTime;
  }

  /** Seconds between CapacityReady and T-0: the margin the warm-up left. */
  public Long getCapacityMarginSeconds() {
    return capacityMarginSeconds;
  }

  public void setCapacityMarginSeconds(Long capacityMarginSeconds) {
    this.capacityMarginSeconds = capacityMarginSeconds;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ExamScheduleStatus that)) {
      return false;
    }
    return Objects.equals(phase, that.phase)
        && Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(conditions, that.conditions)
        && Objects.equals(targets, that.targets)
        && Objects.equals(balloonsDesired, that.balloonsDesired)
        && Objects.equals(balloonsReady, that.balloonsReady)
        && Objects.equals(nextTransitionTime, that.nextTransitionTime)
        && Objects.equals(capacityReadyTime, that.capacityReadyTime)
        && Objects.equals(capacityMarginSeconds, that.capacityMarginSeconds)
        && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(phase, observedGeneration, targets, nextTransitionTime, message);
  }
}
