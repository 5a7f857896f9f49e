package io.examday.operator.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.crd.v1alpha1.ExamScheduleSpec;
import io.examday.operator.crd.v1alpha1.ExamTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Quarkus wiring: config, operator start, health and metrics, on the mock API server. */
@QuarkusTest
@WithKubernetesTestServer
class OperatorAppTest {

  @Inject KubernetesClient client;

  @Test
  void startsTheOperatorAndReportsReadyAndMetrics() {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP")));

    client.resource(schedule()).create();

    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .resources(ExamSchedule.class)
                            .inNamespace("test")
                            .withName("later")
                            .get()
                            .getStatus()
                            .getPhase())
                    .isEqualTo("Pending"));
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("examday_operator_schedules{phase=\"Pending\"} 1.0"));
  }

  private static ExamSchedule schedule() {
    ExamTarget target = new ExamTarget();
    target.setName("exam-session");
    target.setDeployment("exam-session");
    target.setHpa("exam-session");
    target.setCandidatesPerPod(2_500);
    ExamScheduleSpec spec = new ExamScheduleSpec();
    spec.setExamId("later");
    spec.setStartTime("2099-05-15T09:00:00+05:30");
    spec.setDuration("3h");
    spec.setExpectedCandidates(10_000);
    spec.setTargets(List.of(target));
    ExamSchedule schedule = new ExamSchedule();
    schedule.getMetadata().setName("later");
    schedule.getMetadata().setNamespace("test");
    schedule.setSpec(spec);
    return schedule;
  }
}
