package io.examday.operator.reconcile;

import static io.examday.operator.reconcile.MockCluster.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.model.StatusAggregator;
import io.examday.operator.model.SurgeWorkloads;
import io.examday.operator.plan.FloorLedger;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reconciler against the Fabric8 mock API server (CRUD mode); each test in its namespace. */
@EnableKubernetesMockClient(crud = true)
class ExamScheduleReconcilerIT {

  private static final Duration NO_RESYNC = Duration.ofHours(1);

  static KubernetesClient client;

  private final OffsetClock clock = new OffsetClock();
  private MockCluster cluster;
  private ScalingOperator operator;

  @BeforeAll
  static void quietAndPatient() {
    QuietLogs.apply();
    // Status and conditions appear a reconcile after the resource: until then, keep polling.
    Awaitility.ignoreExceptionsByDefault();
    Awaitility.setDefaultTimeout(Duration.ofSeconds(10));
  }

  @AfterAll
  static void resetAwaitility() {
    Awaitility.reset();
  }

  @BeforeEach
  void startOperator() {
    cluster = new MockCluster(client, "ns-" + UUID.randomUUID().toString().substring(0, 8));
    operator = start();
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  private ScalingOperator start() {
    return start(new SimpleMeterRegistry());
  }

  private ScalingOperator start(SimpleMeterRegistry registry) {
    return ScalingOperator.start(
        client,
        cluster.settings(NO_RESYNC),
        clock,
        new ScheduleMetrics(registry),
        OpenTelemetry.noop().getTracer("test"));
  }

  /** Time left until {@code instant}, plus the slack a transition may take to show. */
  private Duration untilAfter(Instant instant) {
    return Duration.between(clock.instant(), instant).plusSeconds(3);
  }

  @Test
  void warmsVerifiesAndRestoresOnTheClockWakingAtEachTransition() {
    cluster.target("exam-session", 3, 3, 10);
    // Room to warm and verify before T-0 even on a loaded machine.
    Instant start = clock.instant().plusSeconds(6);
    // ceil(1,000 / (100 per pod x 85 %)) = 12 pods; the 2 above the 10 at full capacity in
    // balloons.
    ExamSchedule morningSchedule =
        schedule("morning", "exam-session", 1_000, start, "2h", "1s", "2s", "1s");
    morningSchedule.getSpec().setPrePullImages(List.of("registry.example/exam-session:1.0"));
    cluster.create(morningSchedule);

    await()
        .untilAsserted(
            () -> assertThat(cluster.hpa("exam-session").getSpec().getMinReplicas()).isEqualTo(12));
    HorizontalPodAutoscaler raised = cluster.hpa("exam-session");
    assertThat(raised.getSpec().getMaxReplicas()).isEqualTo(12);
    assertThat(raised.getMetadata().getAnnotations())
        .containsEntry(FloorLedger.ORIGINAL_MIN, "3")
        .containsEntry(FloorLedger.ORIGINAL_MAX, "10");
    await()
        .untilAsserted(
            () ->
                assertThat(cluster.schedule("morning").getStatus().getPhase())
                    .isEqualTo("PreWarming"));
    Deployment balloons =
        cluster.deployment(SurgeWorkloads.balloonName(cluster.schedule("morning")));
    assertThat(balloons.getSpec().getReplicas()).isEqualTo(2);
    assertThat(balloons.getSpec().getTemplate().getSpec().getPriorityClassName())
        .isEqualTo("examday-balloon");
    assertThat(balloons.getSpec().getTemplate().getSpec().getNodeSelector())
        .containsEntry("cloud.google.com/gke-nodepool", "surge");
    String prePullName = SurgeWorkloads.prePullName(cluster.schedule("morning"));
    DaemonSet prePull = cluster.daemonSet(prePullName);
    assertThat(prePull.getSpec().getTemplate().getSpec().getInitContainers())
        .extracting(Container::getImage)
        .containsExactly("registry.example/exam-session:1.0");

    cluster.ready("exam-session", 12);
    cluster.ready(balloons.getMetadata().getName(), 2);

    await()
        .untilAsserted(
            () -> {
              ExamSchedule morning = cluster.schedule("morning");
              assertThat(morning.getStatus().getPhase()).isEqualTo("CapacityReady");
              assertThat(
                      StatusAggregator.isTrue(morning.getStatus(), StatusAggregator.CAPACITY_READY))
                  .isTrue();
              assertThat(morning.getStatus().getCapacityMarginSeconds()).isBetween(0L, 6L);
              assertThat(morning.getStatus().getTargets().getFirst().getOriginalMinReplicas())
                  .isEqualTo(3);
            });
    assertThat(cluster.eventReasons()).contains("CapacityReady");
    // Nothing but the timeline wakes the operator now (resync is an hour): Live at T-0, ...
    await()
        .atMost(untilAfter(start))
        .untilAsserted(
            () -> assertThat(cluster.schedule("morning").getStatus().getPhase()).isEqualTo("Live"));
    // ... and Completed at end + delay, with everything given back.
    await()
        .atMost(untilAfter(start.plusSeconds(3)))
        .untilAsserted(
            () -> {
              assertThat(cluster.schedule("morning").getStatus().getPhase()).isEqualTo("Completed");
              HorizontalPodAutoscaler restored = cluster.hpa("exam-session");
              assertThat(restored.getSpec().getMinReplicas()).isEqualTo(3);
              assertThat(restored.getSpec().getMaxReplicas()).isEqualTo(10);
              assertThat(restored.getMetadata().getAnnotations())
                  .doesNotContainKeys(FloorLedger.FLOORS, FloorLedger.ORIGINAL_MIN);
              assertThat(cluster.deployment(balloons.getMetadata().getName())).isNull();
              assertThat(cluster.daemonSet(prePullName)).isNull();
            });
    assertThat(cluster.schedule("morning").getStatus().getNextTransitionTime()).isNull();
  }

  @Test
  void missingCapacityAtTheDeadlineIsDegradedWithAWarningThenRecovers() {
    operator.close();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    operator = start(registry);
    cluster.target("exam-session", 3, 3, 50);
    Instant start = clock.instant().plus(Duration.ofHours(1));
    // Must be ready 59m58s before T-0, i.e. two seconds from now.
    cluster.create(schedule("tight", "exam-session", 1_000, start, "2h", "59m58s", "3h", "30m"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ExamSchedule tight = cluster.schedule("tight");
              assertThat(StatusAggregator.isTrue(tight.getStatus(), StatusAggregator.DEGRADED))
                  .isTrue();
              assertThat(
                      StatusAggregator.find(tight.getStatus(), StatusAggregator.DEGRADED)
                          .orElseThrow()
                          .getMessage())
                  .contains("exam-session: 3/12 pods ready", "balloons: 0/2 running");
            });
    assertThat(cluster.eventReasons()).contains("Degraded");
    assertThat(registry.get("examday.operator.schedules.degraded").gauge().value())
        .as("the alert's metric")
        .isEqualTo(1.0);

    cluster.ready("exam-session", 12);
    cluster.ready(SurgeWorkloads.balloonName(cluster.schedule("tight")), 2);

    await()
        .untilAsserted(
            () -> {
              ExamSchedule tight = cluster.schedule("tight");
              assertThat(tight.getStatus().getPhase()).isEqualTo("CapacityReady");
              assertThat(StatusAggregator.isTrue(tight.getStatus(), StatusAggregator.DEGRADED))
                  .isFalse();
            });
    assertThat(cluster.eventReasons()).contains("Recovered", "CapacityReady");
    assertThat(registry.get("examday.operator.schedules.degraded").gauge().value()).isZero();
  }

  @Test
  void overlappingSchedulesHoldTheMaxAndDeletingEachRestoresOnlyWhatItChanged() {
    cluster.target("exam-session", 3, 3, 20);
    Instant start = clock.instant().plus(Duration.ofHours(1));
    cluster.create(schedule("small", "exam-session", 1_000, start, "2h", "15m", "3h", "30m"));
    cluster.create(
        schedule("large", "exam-session", 2_500, start.plusSeconds(600), "2h", "15m", "3h", "30m"));

    // 2,500 / 100 + 20% = 30 pods; max raised from 20 to 30.
    await()
        .untilAsserted(
            () -> {
              HorizontalPodAutoscaler hpa = cluster.hpa("exam-session");
              assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(30);
              assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(30);
              assertThat(
                      FloorLedger.recorded(hpa.getMetadata().getAnnotations())
                          .orElseThrow()
                          .floors())
                  .hasSize(2);
            });

    cluster.delete("large");
    await()
        .untilAsserted(
            () -> {
              HorizontalPodAutoscaler hpa = cluster.hpa("exam-session");
              assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(12);
              assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(20);
              assertThat(cluster.schedule("large")).isNull();
            });

    cluster.delete("small");
    await()
        .untilAsserted(
            () -> {
              HorizontalPodAutoscaler hpa = cluster.hpa("exam-session");
              assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
              assertThat(hpa.getMetadata().getAnnotations()).doesNotContainKey(FloorLedger.FLOORS);
            });
  }

  @Test
  void aRestartMidWayNeitherRaisesTwiceNorLosesTheOriginal() {
    cluster.target("exam-session", 3, 3, 50);
    Instant start = clock.instant().plus(Duration.ofHours(1));
    cluster.create(schedule("restart", "exam-session", 1_000, start, "2h", "15m", "3h", "30m"));
    await()
        .untilAsserted(
            () ->
                assertThat(cluster.schedule("restart").getStatus().getPhase())
                    .isEqualTo("PreWarming"));
    String raisedVersion = cluster.hpa("exam-session").getMetadata().getResourceVersion();

    operator.close();
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    operator = start(second);
    cluster.ready("exam-session", 12);
    cluster.ready(SurgeWorkloads.balloonName(cluster.schedule("restart")), 2);

    await()
        .untilAsserted(
            () ->
                assertThat(cluster.schedule("restart").getStatus().getPhase())
                    .isEqualTo("CapacityReady"));
    HorizontalPodAutoscaler hpa = cluster.hpa("exam-session");
    assertThat(hpa.getMetadata().getResourceVersion())
        .as("the new operator did not rewrite the HPA")
        .isEqualTo(raisedVersion);
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(12);
    assertThat(hpa.getMetadata().getAnnotations()).containsEntry(FloorLedger.ORIGINAL_MIN, "3");
    assertThat(second.get("examday.operator.hpa.patches").counter().count()).isZero();

    // Stop again, and come back after the exam: the original floor is still known.
    operator.close();
    clock.jump(Duration.ofHours(5));
    operator = start();
    await()
        .untilAsserted(
            () -> {
              assertThat(cluster.schedule("restart").getStatus().getPhase()).isEqualTo("Completed");
              assertThat(cluster.hpa("exam-session").getSpec().getMinReplicas()).isEqualTo(3);
              assertThat(cluster.hpa("exam-session").getSpec().getMaxReplicas()).isEqualTo(50);
            });
  }

  @Test
  void aMissingTargetIsDegradedAndAnInvalidSpecFails() {
    Instant start = clock.instant().plus(Duration.ofHours(1));
    cluster.create(schedule("ghost", "no-such-hpa", 1_000, start, "2h", "15m", "3h", "30m"));
    ExamSchedule broken =
        schedule("broken", "exam-session", 1_000, start, "2h", "15m", "PT3H", "30m");
    cluster.create(broken);

    await()
        .untilAsserted(
            () -> {
              ExamSchedule ghost = cluster.schedule("ghost");
              assertThat(
                      StatusAggregator.find(ghost.getStatus(), StatusAggregator.DEGRADED)
                          .orElseThrow()
                          .getReason())
                  .isEqualTo("TargetNotFound");
              ExamSchedule failed = cluster.schedule("broken");
              assertThat(failed.getStatus().getPhase()).isEqualTo("Failed");
              assertThat(
                      StatusAggregator.find(failed.getStatus(), StatusAggregator.DEGRADED)
                          .orElseThrow()
                          .getReason())
                  .isEqualTo("InvalidSpec");
              assertThat(failed.getStatus().getMessage()).contains("duration must look like 2h");
            });
  }

  @Test
  void anErrorBecomesADegradedConditionNamedAfterIt() {
    cluster.target("exam-session", 3, 3, 50);
    HorizontalPodAutoscaler hpa = cluster.hpa("exam-session");
    hpa.getMetadata()
        .setAnnotations(Map.of(FloorLedger.FLOORS, "x/y=5", FloorLedger.ORIGINAL_MIN, "two"));
    client.resource(hpa).update();
    Instant start = clock.instant().plus(Duration.ofHours(1));

    cluster.create(schedule("damaged", "exam-session", 1_000, start, "2h", "15m", "3h", "30m"));

    await()
        .untilAsserted(
            () ->
                assertThat(
                        StatusAggregator.find(
                            cluster.schedule("damaged").getStatus(), StatusAggregator.DEGRADED))
                    .hasValueSatisfying(
                        c -> {
                          assertThat(c.getReason()).isEqualTo("IllegalStateException");
                          assertThat(c.getMessage()).contains("damaged");
                        }));
    assertThat(cluster.hpa("exam-session").getSpec().getMinReplicas()).isEqualTo(3);
  }

  @Test
  void retargetingReleasesTheHpaNoLongerNamed() {
    cluster.target("old-svc", 3, 3, 50);
    cluster.target("new-svc", 2, 2, 50);
    Instant start = clock.instant().plus(Duration.ofHours(1));
    cluster.create(schedule("moved", "old-svc", 1_000, start, "2h", "15m", "3h", "30m"));
    await()
        .untilAsserted(
            () -> assertThat(cluster.hpa("old-svc").getSpec().getMinReplicas()).isEqualTo(12));

    // As `kubectl patch --type json` would: no resourceVersion, so no race with status writes.
    // The mock server does not bump metadata.generation on a spec change as the API server
    // does (JOSDK reconciles on generation changes), so the patch carries the bump itself.
    long generation = cluster.schedule("moved").getMetadata().getGeneration();
    client
        .resources(ExamSchedule.class)
        .inNamespace(cluster.schedule("moved").getMetadata().getNamespace())
        .withName("moved")
        .patch(
            PatchContext.of(PatchType.JSON),
            "[{\"op\":\"replace\",\"path\":\"/spec/targets/0/hpa\",\"value\":\"new-svc\"},"
                + "{\"op\":\"replace\",\"path\":\"/spec/targets/0/deployment\",\"value\":\"new-svc\"},"
                + "{\"op\":\"replace\",\"path\":\"/metadata/generation\",\"value\":"
                + (generation + 1)
                + "}]");

    await()
        .untilAsserted(
            () -> {
              assertThat(cluster.hpa("new-svc").getSpec().getMinReplicas()).isEqualTo(12);
              assertThat(cluster.hpa("old-svc").getSpec().getMinReplicas()).isEqualTo(3);
              assertThat(cluster.hpa("old-svc").getMetadata().getAnnotations())
                  .doesNotContainKey(FloorLedger.FLOORS);
            });
  }
}
