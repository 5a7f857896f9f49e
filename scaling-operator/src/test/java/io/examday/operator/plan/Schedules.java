package io.examday.operator.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Test schedules: T-0 at 09:00Z, 3 h exam, 2 h lead, ready 15 min before, 30 min delay. */
final class Schedules {

  static final Instant START = Instant.parse("2027-05-15T09:00:00Z");

  /** docs/capacity.md's per-pod figures: a x S = 58,050 and d x 1 s = 8,000, at h = 60 %. */
  static final TargetInput SESSION =
      new TargetInput("exam-session", "exam-session", "exam-session", 58_050, 60);

  static final TargetInput GATEWAY =
      new TargetInput("release-gateway", "release-gateway", "release-gateway", 8_000, 60);

  private Schedules() {}

  static ScheduleInput national(long candidates) {
    return new ScheduleInput(
        "nat-2027",
        START,
        Duration.ofHours(3),
        Duration.ofHours(2),
        Duration.ofMinutes(15),
        Duration.ofMinutes(30),
        candidates,
        List.of(SESSION, GATEWAY),
        OptionalInt.empty(),
        List.of("registry.example/exam-session:1.0"));
  }

  static Observed ready(Map<String, Integer> readyByTarget, int balloons) {
    Map<String, TargetObservation> targets = new java.util.HashMap<>();
    readyByTarget.forEach(
        (name, ready) -> targets.put(name, new TargetObservation(true, true, ready)));
    return new Observed(targets, balloons);
  }
}
