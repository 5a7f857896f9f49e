package io.examday.operator.app;

import io.examday.operator.model.WorkloadSettings;
import io.examday.operator.reconcile.OperatorSettings;
import io.examday.operator.reconcile.ScalingOperator;
import io.examday.operator.reconcile.ScheduleMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Starts the JOSDK operator once Quarkus is up, with Quarkus's client, config and metrics. */
@ApplicationScoped
public class OperatorLifecycle {

  private final KubernetesClient client;
  private final OperatorConfig config;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Tracer tracer;
  private volatile ScalingOperator operator;

  public OperatorLifecycle(
      KubernetesClient client,
      OperatorConfig config,
      Clock clock,
      MeterRegistry registry,
      Tracer tracer) {
    this.client = client;
    this.config = config;
    this.clock = clock;
    this.registry = registry;
    this.tracer = tracer;
  }

  void onStart(@Observes StartupEvent event) {
    operator =
        ScalingOperator.start(
            client, settings(config), clock, new ScheduleMetrics(registry), tracer);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (operator != null) {
      operator.close();
    }
  }

  /** Whether the operator runs, as leader or standby. */
  public boolean started() {
    ScalingOperator running = operator;
    return running != null && running.started();
  }

  /** Whether the informers are connected (a standby's are not started). */
  public boolean informersHealthy() {
    ScalingOperator running = operator;
    return running != null && running.started() && running.informersHealthy();
  }

  static OperatorSettings settings(OperatorConfig config) {
    Set<String> namespaces =
        config.namespaces().contains(OperatorConfig.ALL_NAMESPACES)
            ? Set.of()
            : Set.copyOf(config.namespaces());
    OperatorConfig.LeaderElection election = config.leaderElection();
    Optional<OperatorSettings.Lease> lease =
        election.enabled()
            ? Optional.of(
                new OperatorSettings.Lease(
                    election.leaseName(),
                    election.leaseNamespace().orElse(null),
                    election.identity(),
                    election.leaseDuration(),
                    election.renewDeadline(),
                    election.retryPeriod(),
                    true))
            : Optional.empty();
    return new OperatorSettings(
        namespaces,
        config.resync(),
        config.reconcileThreads(),
        config.serverSideApply(),
        lease,
        new WorkloadSettings(config.surge().balloonPriorityClass(), config.surge().pauseImage()));
  }
}
