package io.examday.operator.plan;

/** Where a schedule is in its life; {@link #label()} is what status.phase shows. */
public enum Phase {
  PENDING("Pending"),
  PRE_WARMING("PreWarming"),
  CAPACITY_READY("CapacityReady"),
  LIVE("Live"),
  COOLING_DOWN("CoolingDown"),
  COMPLETED("Completed"),
  FAILED("Failed");

  private final String label;

  Phase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
