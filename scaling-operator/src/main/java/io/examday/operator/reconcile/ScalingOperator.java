package io.examday.operator.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.opentelemetry.api.trace.Tracer;
import java.time.Clock;

/**
 * The JOSDK operator with the ExamSchedule controller registered. Plain Java, so tests start and
 * stop several of them against one mock API server (the restart test) without Quarkus.
 */
public final class ScalingOperator implements AutoCloseable {

  private final Operator operator;

  private ScalingOperator(Operator operator) {
    this.operator = operator;
  }

  public static ScalingOperator start(
      KubernetesClient client,
      OperatorSettings settings,
      Clock clock,
      ScheduleMetrics metrics,
      Tracer tracer) {
    Operator operator =
        new Operator(
            overrider -> {
              overrider
                  .withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withConcurrentReconciliationThreads(settings.reconcileThreads())
                  .withUseSSAToPatchPrimaryResource(settings.serverSideApply())
                  .withSSABasedCreateUpdateMatchForDependentResources(settings.serverSideApply());
              settings
                  .leaderElection()
                  .ifPresent(
                      lease ->
                          overrider.withLeaderElectionConfiguration(
                              new LeaderElectionConfiguration(
                                  lease.name(),
                                  lease.namespace(),
                                  lease.duration(),
                                  lease.renewDeadline(),
                                  lease.retryPeriod(),
                                  lease.identity(),
                                  null,
                                  lease.exitOnLoss())));
            });
    operator.register(
        new ExamScheduleReconciler(clock, settings, metrics, tracer),
        config -> {
          if (settings.namespaces().isEmpty()) {
            config.watchingAllNamespaces();
          } else {
            config.settingNamespaces(settings.namespaces());
          }
          config.withReconciliationMaxInterval(settings.resync());
        });
    operator.start();
    return new ScalingOperator(operator);
  }

  /** Whether the operator has started (as leader or as standby). */
  public boolean started() {
    return operator.getRuntimeInfo().isStarted();
  }

  /** Whether every informer is connected and synced. */
  public boolean informersHealthy() {
    return operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  @Override
  public void close() {
    operator.stop();
  }
}
