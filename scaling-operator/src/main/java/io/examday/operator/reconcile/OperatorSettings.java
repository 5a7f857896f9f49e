package io.examday.operator.reconcile;

import io.examday.operator.model.WorkloadSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How the operator runs; built from the Quarkus config root, or directly by tests.
 *
 * @param namespaces namespaces to watch; empty means all
 * @param resync longest sleep between two reconciles of one schedule, whatever the timeline
 * @param reconcileThreads schedules reconciled in parallel
 * @param serverSideApply patch ExamSchedule status with server-side apply (off for the mock)
 * @param leaderElection the Lease to hold, when more than one replica runs
 * @param workloads choices for the balloon and pre-pull workloads
 */
public record OperatorSettings(
    Set<String> namespaces,
    Duration resync,
    int reconcileThreads,
    boolean serverSideApply,
    Optional<Lease> leaderElection,
    WorkloadSettings workloads) {

  public OperatorSettings {
    namespaces = Set.copyOf(namespaces);
  }

  /**
   * @param name the Lease's name
   * @param namespace the Lease's namespace; null means the operator's own
   * @param identity this replica's name in the Lease (the pod name)
   * @param duration how long a lease lasts without renewal
   * @param renewDeadline how long the leader keeps trying to renew before giving up
   * @param retryPeriod how often replicas try to acquire or renew
   * @param exitOnLoss exit the process when leadership is lost, so a stale leader never acts
   */
  public record Lease(
      String name,
      String namespace,
      String identity,
      Duration duration,
      Duration renewDeadline,
      Duration retryPeriod,
      boolean exitOnLoss) {}
}
