package io.examday.operator.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The scaling operator's one config root. */
@ConfigMapping(prefix = "examday.operator")
public interface OperatorConfig {

  /** Value of {@link #namespaces()} that watches every namespace (needs cluster-wide RBAC). */
  String ALL_NAMESPACES = "*";

  /** Namespaces whose ExamSchedules, Deployments and HPAs the operator watches. */
  @WithDefault("examday")
  List<String> namespaces();

  /** Longest sleep between two reconciles of one schedule, even far from any transition. */
  @WithDefault("60s")
  Duration resync();

  /** Schedules reconciled in parallel. */
  @WithDefault("16")
  int reconcileThreads();

  /** Patch ExamSchedule status with server-side apply (the Fabric8 mock server lacks it). */
  @WithDefault("true")
  boolean serverSideApply();

  /** Leader election, so only one of several replicas acts. */
  LeaderElection leaderElection();

  /** The workloads the operator creates on the surge pool. */
  Surge surge();

  /** Leader election settings. */
  interface LeaderElection {

    /** Whether to hold a Lease before reconciling. */
    @WithDefault("true")
    boolean enabled();

    /** The Lease's name. */
    @WithDefault("examday-scaling-operator")
    String leaseName();

    /** The Lease's namespace; absent means the operator's own. */
    Optional<String> leaseNamespace();

    /** This replica's name in the Lease (the Deployment sets it to the pod name). */
    @WithDefault("${HOSTNAME:scaling-operator}")
    String identity();

    /** How long a lease lasts without renewal: the longest a dead leader's schedules wait. */
    @WithDefault("15s")
    Duration leaseDuration();

    /** How long the leader keeps trying to renew before it gives up (and exits). */
    @WithDefault("10s")
    Duration renewDeadline();

    /** How often replicas try to acquire or renew the lease. */
    @WithDefault("2s")
    Duration retryPeriod();
  }

  /** Surge workload settings. */
  interface Surge {

    /** PriorityClass of balloon and pre-pull pods: lowest, preemptionPolicy Never. */
    @WithDefault("examday-balloon")
    String balloonPriorityClass();

    /** Image of balloon pods and of the pre-pull DaemonSet's main container. */
    @WithDefault("registry.k8s.io/pause:3.10")
    String pauseImage();
  }
}
