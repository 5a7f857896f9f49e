package io.examday.operator.crd.v1alpha1;

import java.util.Objects;

/** One target as the operator last saw it. */
public class TargetStatus {

  private String name;
  private String hpa;
  private Integer floor;
  private Integer readyReplicas;
  private Integer originalMinReplicas;
  private Integer originalMaxReplicas;

  public TargetStatus() {}

  public TargetStatus(
      String name,
      String hpa,
      Integer floor,
      Integer readyReplicas,
      Integer originalMinReplicas,
      Integer originalMaxReplicas) {
    this.name = name;
    this.hpa = hpa;
    this.floor = floor;
    this.readyReplicas = readyReplicas;
    this.originalMinReplicas = originalMinReplicas;
    this.originalMaxReplicas = originalMaxReplicas;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getHpa() {
    return hpa;
  }

  public void setHpa(String hpa) {
    this.hpa = hpa;
  }

  /** The HPA minReplicas this schedule asks for. */
  public Integer getFloor() {
    return floor;
  }

  public void setFloor(Integer floor) {
    this.floor = floor;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  /** minReplicas before any schedule raised it: restored when the last schedule ends. */
  public Integer getOriginalMinReplicas() {
    return originalMinReplicas;
  }

  public void setOriginalMinReplicas(Integer originalMinReplicas) {
    this.originalMinReplicas = originalMinReplicas;
  }

  public Integer getOriginalMaxReplicas() {
    return originalMaxReplicas;
  }

  public void setOriginalMaxReplicas(Integer originalMaxReplicas) {
    this.originalMaxReplicas = originalMaxReplicas;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TargetStatus that
        && Objects.equals(name, that.name)
        && Objects.equals(hpa, that.hpa)
        && Objects.equals(floor, that.floor)
        && Objects.equals(readyReplicas, that.readyReplicas)
        && Objects.equals(originalMinReplicas, that.originalMinReplicas)
        && Objects.equals(originalMaxReplicas, that.originalMaxReplicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, hpa, floor, readyReplicas);
  }
}
