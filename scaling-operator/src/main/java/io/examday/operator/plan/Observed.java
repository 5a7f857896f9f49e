package io.examday.operator.plan;

import java.util.Map;

/**
 * What the cluster shows for one schedule.
 *
 * @param targets by target name
 * @param balloonsReady balloon pods running (scheduled onto a node and started)
 */
public record Observed(Map<String, TargetObservation> targets, int balloonsReady) {

  public Observed {
    targets = Map.copyOf(targets);
  }

  public TargetObservation target(String name) {
    return targets.getOrDefault(name, TargetObservation.missing());
  }
}
