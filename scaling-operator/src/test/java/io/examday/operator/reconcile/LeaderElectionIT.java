package io.examday.operator.reconcile;

import static io.examday.operator.reconcile.MockCluster.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two replicas, one Lease: only the leader reconciles; the other takes over when it goes. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionIT {

  private static final String NAMESPACE = "leader-test";
  private static final String LEASE = "examday-scaling-operator";

  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void onlyTheLeaderReconcilesAndTheStandbyTakesOver() {
    QuietLogs.apply();
    allowLeases();
    MockCluster cluster = new MockCluster(client, NAMESPACE);
    cluster.target("exam-session", 3, 3, 50);
    SimpleMeterRegistry first = new SimpleMeterRegistry();
    SimpleMeterRegistry second = new SimpleMeterRegistry();

    ScalingOperator leader = start("replica-a", first);
    await().atMost(Duration.ofSeconds(20)).until(() -> "replica-a".equals(holder()));
    try (ScalingOperator standby = start("replica-b", second)) {
      cluster.create(
          schedule(
              "led",
              "exam-session",
              1_000,
              Instant.now().plus(Duration.ofHours(1)),
              "2h",
              "15m",
              "3h",
              "30m"));

      await().atMost(Duration.ofSeconds(20)).until(() -> preWarming(first) == 1);
      assertThat(preWarming(second)).isZero();

      leader.close();

      await().atMost(Duration.ofSeconds(30)).until(() -> preWarming(second) == 1);
      assertThat(holder()).isEqualTo("replica-b");
      assertThat(cluster.hpa("exam-session").getSpec().getMinReplicas()).isEqualTo(12);
    }
  }

  private static ScalingOperator start(String identity, MeterRegistry registry) {
    OperatorSettings.Lease lease =
        new OperatorSettings.Lease(
            LEASE,
            NAMESPACE,
            identity,
            Duration.ofSeconds(2),
            Duration.ofMillis(1500),
            Duration.ofMillis(250),
            false);
    OperatorSettings settings =
        new OperatorSettings(
            Set.of(NAMESPACE),
            Duration.ofHours(1),
            4,
            false,
            Optional.of(lease),
            MockCluster.WORKLOADS);
    return ScalingOperator.start(
        client,
        settings,
        Clock.systemUTC(),
        new ScheduleMetrics(registry),
        OpenTelemetry.noop().getTracer("test"));
  }

  /**
   * JOSDK asks the API server (SelfSubjectRulesReview) whether it may use Leases before electing;
   * the mock server cannot answer that, so the answer is given here.
   */
  private static void allowLeases() {
    SelfSubjectRulesReview review =
        new SelfSubjectRulesReviewBuilder()
            .withNewMetadata()
            .endMetadata()
            .withNewStatus()
            .withIncomplete(false)
            .addNewResourceRule()
            .withApiGroups("coordination.k8s.io")
            .withResources("leases")
            .withVerbs("get", "create", "update")
            .endResourceRule()
            .endStatus()
            .build();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review)
        .always();
  }

  private static String holder() {
    Lease lease = client.leases().inNamespace(NAMESPACE).withName(LEASE).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static double preWarming(MeterRegistry registry) {
    return registry.get("examday.operator.schedules").tag("phase", "PreWarming").gauge().value();
  }
}
