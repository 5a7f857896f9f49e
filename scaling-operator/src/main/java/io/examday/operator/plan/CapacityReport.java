package io.examday.operator.plan;

import java.util.List;

/**
 * Whether the capacity asked for is there.
 *
 * @param ready every target has ready replicas >= floor and the balloons are running
 * @param degraded capacity is missing when it should be there (or a target does not exist)
 * @param missing one line per shortfall, for the Degraded condition's message
 */
public record CapacityReport(boolean ready, boolean degraded, List<String> missing) {

  public CapacityReport {
    missing = List.copyOf(missing);
  }

  public static CapacityReport notChecked() {
    return new CapacityReport(false, false, List.of());
  }
}
