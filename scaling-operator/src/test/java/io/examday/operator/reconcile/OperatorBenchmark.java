package io.examday.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./examday bench operator}: N ExamSchedules (default 1,000), each with its own Deployment
 * and HPA, whose warm-up instants fall inside a short window. Transition lag is the time from a
 * schedule's warm-up instant to its HPA floor being seen raised through a watch. Not part of the
 * normal test run (tag bench).
 */
@Tag("bench")
@EnableKubernetesMockClient(crud = true)
class OperatorBenchmark {

  private static final String NAMESPACE = "bench";
  private static final int FLOOR = 12;
  private static final Tracer NO_TRACES = OpenTelemetry.noop().getTracer("bench");

  static KubernetesClient client;

  @Test
  void transitionLagAndReconcileCost() throws IOException {
    QuietLogs.apply();
    int schedules = Integer.getInteger("bench.schedules", 1_000);
    Duration window = Duration.ofSeconds(Long.getLong("bench.window.seconds", 60));
    Path out = Path.of(System.getProperty("bench.out", "target/bench/operator.json"));
    MockCluster cluster = new MockCluster(client, NAMESPACE);

    Instant setupStart = Instant.now();
    for (int i = 0; i < schedules; i++) {
      cluster.target("svc-" + i, 3, 3, 50);
    }
    Duration targetsSetup = Duration.between(setupStart, Instant.now());
    // Warm-ups start once every schedule has had its first (Pending) reconcile: measured setup
    // rate times two, plus slack, keeps all of them in the future on this machine.
    Instant firstWarm = Instant.now().plus(targetsSetup.multipliedBy(2)).plusSeconds(10);
    Map<String, Instant> warmAt = new ConcurrentHashMap<>();
    for (int i = 0; i < schedules; i++) {
      Instant warm = firstWarm.plus(window.multipliedBy(i).dividedBy(schedules));
      warmAt.put("svc-" + i, warm);
      cluster.create(
          MockCluster.schedule(
              "s-" + i,
              "svc-" + i,
              1_000,
              warm.plus(Duration.ofHours(1)),
              "1h",
              "15m",
              "3h",
              "30m"));
    }

    Map<String, Instant> raisedAt = new ConcurrentHashMap<>();
    SharedIndexInformer<HorizontalPodAutoscaler> watch =
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(NAMESPACE)
            .inform(new RaisedRecorder(raisedAt));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // As in production: 16 reconcile threads, a one-minute resync.
    OperatorSettings settings =
        new OperatorSettings(
            Set.of(NAMESPACE),
            Duration.ofMinutes(1),
            16,
            false,
            Optional.empty(),
            MockCluster.WORKLOADS);
    try (ScalingOperator operator =
        ScalingOperator.start(
            client, settings, Clock.systemUTC(), new ScheduleMetrics(registry), NO_TRACES)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> pending(cluster, schedules) == schedules);
      Instant allPending = Instant.now();
      assertThat(allPending).as("setup must end before the first warm-up").isBefore(firstWarm);
      await()
          .atMost(window.plus(Duration.ofSeconds(120)))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> raisedAt.size() == schedules);
    } finally {
      watch.close();
    }

    List<Long> lags = new ArrayList<>();
    raisedAt.forEach((hpa, at) -> lags.add(Duration.between(warmAt.get(hpa), at).toMillis()));
    Collections.sort(lags);
    DistributionSummary cpu = registry.get(ScheduleMetrics.RECONCILE_CPU).summary();
    Timer wall = registry.get(ScheduleMetrics.RECONCILE_TIME).timer();
    String json =
        String.format(
            Locale.ROOT,
            "{%n  \"schedules\": %d,%n  \"transition_window_s\": %d,%n"
                + "  \"transition_lag_p50_ms\": %d,%n  \"transition_lag_p99_ms\": %d,%n"
                + "  \"transition_lag_max_ms\": %d,%n  \"reconciles\": %d,%n"
                + "  \"reconcile_cpu_ms_per_schedule\": %.2f,%n"
                + "  \"reconcile_wall_mean_ms\": %.1f,%n  \"reconcile_wall_max_ms\": %.1f,%n"
                + "  \"target_p99_ms\": 1000%n}%n",
            schedules,
            window.toSeconds(),
            percentile(lags, 50),
            percentile(lags, 99),
            lags.getLast(),
            cpu.count(),
            cpu.totalAmount() / schedules,
            wall.mean(TimeUnit.MILLISECONDS),
            wall.max(TimeUnit.MILLISECONDS));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, json);
    System.out.print(json);
  }

  private static long pending(MockCluster cluster, int schedules) {
    return client.resources(ExamSchedule.class).inNamespace(NAMESPACE).list().getItems().stream()
        .filter(s -> s.getStatus() != null && "Pending".equals(s.getStatus().getPhase()))
        .count();
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  /** Records when each HPA is first seen at the raised floor. */
  private record RaisedRecorder(Map<String, Instant> raisedAt)
      implements ResourceEventHandler<HorizontalPodAutoscaler> {

    @Override
    public void onAdd(HorizontalPodAutoscaler hpa) {
      record(hpa);
    }

    @Override
    public void onUpdate(HorizontalPodAutoscaler old, HorizontalPodAutoscaler hpa) {
      record(hpa);
    }

    @Override
    public void onDelete(HorizontalPodAutoscaler hpa, boolean unknown) {}

    private void record(HorizontalPodAutoscaler hpa) {
      Instant now = Instant.now();
      if (hpa.getSpec().getMinReplicas() == FLOOR) {
        raisedAt.putIfAbsent(hpa.getMetadata().getName(), now);
      }
    }
  }
}
