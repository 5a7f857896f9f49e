package io.examday.operator.reconcile;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.crd.v1alpha1.ExamScheduleStatus;
import io.examday.operator.model.StatusAggregator;
import org.jboss.logging.Logger;

/**
 * Tells people what changed between two statuses: a log line per phase change, and Kubernetes
 * Events for what needs a human (capacity ready, degraded, recovered).
 */
final class ScheduleAnnouncer {

  private static final Logger LOG = Logger.getLogger(ScheduleAnnouncer.class);

  private final ScheduleEvents events;

  ScheduleAnnouncer(ScheduleEvents events) {
    this.events = events;
  }

  void announce(ExamSchedule schedule, ExamScheduleStatus previous, ExamScheduleStatus status) {
    String key = ScheduleKey.of(schedule);
    String before = previous == null ? null : previous.getPhase();
    if (!status.getPhase().equals(before)) {
      // Logged, not an Event: Events are kept for what needs a human (ready, degraded).
      LOG.infof(
          "%s: phase %s -> %s (next %s)",
          key, before, status.getPhase(), status.getNextTransitionTime());
    }
    boolean wasReady = StatusAggregator.isTrue(previous, StatusAggregator.CAPACITY_READY);
    if (!wasReady && StatusAggregator.isTrue(status, StatusAggregator.CAPACITY_READY)) {
      events.emit(
          schedule,
          ScheduleEvents.NORMAL,
          StatusAggregator.CAPACITY_READY,
          "capacity verified; margin before T-0: " + status.getCapacityMarginSeconds() + " s");
    }
    boolean wasDegraded = StatusAggregator.isTrue(previous, StatusAggregator.DEGRADED);
    boolean degraded = StatusAggregator.isTrue(status, StatusAggregator.DEGRADED);
    if (degraded && !wasDegraded) {
      LOG.warnf("%s: degraded: %s", key, status.getMessage());
      events.emit(schedule, ScheduleEvents.WARNING, StatusAggregator.DEGRADED, status.getMessage());
    } else if (wasDegraded && !degraded) {
      events.emit(schedule, ScheduleEvents.NORMAL, "Recovered", "nothing missing any more");
    }
  }
}
