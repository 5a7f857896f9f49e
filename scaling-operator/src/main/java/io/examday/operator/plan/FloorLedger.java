package io.examday.operator.plan;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the operator has done to one HPA, kept in the HPA's own annotations so a restart never loses
 * the original floor and overlapping schedules never raise twice: the original is written once, by
 * the first schedule that raises; each schedule owns one entry; the floor is the max of the
 * entries; the original comes back only when the last entry goes.
 *
 * @param originalMin minReplicas before any schedule raised it
 * @param originalMax maxReplicas before any schedule raised it
 * @param floors floor per schedule key (namespace/name)
 */
public record FloorLedger(int originalMin, int originalMax, SortedMap<String, Integer> floors) {

  public static final String ORIGINAL_MIN = "examday.io/original-min-replicas";
  public static final String ORIGINAL_MAX = "examday.io/original-max-replicas";
  public static final String FLOORS = "examday.io/floors";

  public FloorLedger {
    floors = Collections.unmodifiableSortedMap(new TreeMap<>(floors));
  }

  /** The ledger recorded in {@code annotations}, or a fresh one from the HPA's current floors. */
  public static FloorLedger current(
      Map<String, String> annotations, int currentMin, int currentMax) {
    return recorded(annotations)
        .orElseGet(() -> new FloorLedger(currentMin, currentMax, new TreeMap<>()));
  }

  /** The ledger in {@code annotations}, if a schedule has raised this HPA. */
  public static Optional<FloorLedger> recorded(Map<String, String> annotations) {
    if (annotations == null || !annotations.containsKey(FLOORS)) {
      return Optional.empty();
    }
    try {
      int min = Integer.parseInt(annotations.get(ORIGINAL_MIN));
      int max = Integer.parseInt(annotations.get(ORIGINAL_MAX));
      return Optional.of(new FloorLedger(min, max, parseFloors(annotations.get(FLOORS))));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "the examday.io annotations on this HPA are damaged; fix or remove them by hand", e);
    }
  }

  public FloorLedger with(String scheduleKey, int floor) {
    SortedMap<String, Integer> next = new TreeMap<>(floors);
    next.put(scheduleKey, floor);
    return new FloorLedger(originalMin, originalMax, next);
  }

  public FloorLedger without(String scheduleKey) {
    SortedMap<String, Integer> next = new TreeMap<>(floors);
    next.remove(scheduleKey);
    return new FloorLedger(originalMin, originalMax, next);
  }

  public boolean active() {
    return !floors.isEmpty();
  }

  /** minReplicas: the highest active floor, never below the original. */
  public int desiredMin() {
    return floors.values().stream().reduce(originalMin, Math::max);
  }

  /** maxReplicas: raised only when below the floor. */
  public int desiredMax() {
    return Math.max(originalMax, desiredMin());
  }

  /** The annotations that record this ledger (empty values mean: remove the annotation). */
  public Map<String, String> annotations() {
    Map<String, String> out = new HashMap<>();
    if (active()) {
      out.put(ORIGINAL_MIN, Integer.toString(originalMin));
      out.put(ORIGINAL_MAX, Integer.toString(originalMax));
      out.put(FLOORS, formatFloors());
    }
    return out;
  }

  private String formatFloors() {
    StringBuilder text = new StringBuilder();
    floors.forEach(
        (key, floor) -> {
          if (!text.isEmpty()) {
            text.append(',');
          }
          text.append(key).append('=').append(floor);
        });
    return text.toString();
  }

  private static SortedMap<String, Integer> parseFloors(String text) {
    SortedMap<String, Integer> floors = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return floors;
    }
    for (String entry : text.split(",")) {
      int eq = entry.lastIndexOf('=');
      floors.put(entry.substring(0, eq).trim(), Integer.parseInt(entry.substring(eq + 1).trim()));
    }
    return floors;
  }
}
