package io.examday.operator.reconcile;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.crd.v1alpha1.ExamScheduleSpec;
import io.examday.operator.crd.v1alpha1.ExamTarget;
import io.examday.operator.crd.v1alpha1.SurgeCapacity;
import io.examday.operator.model.WorkloadSettings;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a cluster the tests play by hand on the Fabric8 mock server, which runs no
 * controllers: Deployments, HPAs, and their status.
 */
final class MockCluster {

  static final WorkloadSettings WORKLOADS =
      new WorkloadSettings("examday-balloon", "registry.k8s.io/pause:3.10");

  private final KubernetesClient client;
  private final String namespace;

  MockCluster(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** Watching only this cluster's namespace, so tests sharing a mock server stay apart. */
  OperatorSettings settings(Duration resync) {
    return new OperatorSettings(Set.of(namespace), resync, 8, false, Optional.empty(), WORKLOADS);
  }

  /** A target Deployment with {@code ready} ready pods and its HPA (min/max). */
  void target(String name, int ready, int min, int max) {
    client
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withReplicas(ready)
                .endSpec()
                .build())
        .create();
    ready(name, ready);
    client
        .resource(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withMinReplicas(min)
                .withMaxReplicas(max)
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(name)
                .endScaleTargetRef()
                .endSpec()
                .build())
        .create();
  }

  /** What the Deployment controller and kubelets would report. */
  void ready(String deployment, int ready) {
    Deployment current = deployment(deployment);
    current.setStatus(
        new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
            .withReplicas(ready)
            .withReadyReplicas(ready)
            .withAvailableReplicas(ready)
            .build());
    client.resource(current).updateStatus();
  }

  Deployment deployment(String name) {
    return client.apps().deployments().inNamespace(namespace).withName(name).get();
  }

  DaemonSet daemonSet(String name) {
    return client.apps().daemonSets().inNamespace(namespace).withName(name).get();
  }

  HorizontalPodAutoscaler hpa(String name) {
    return client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  ExamSchedule schedule(String name) {
    return client.resources(ExamSchedule.class).inNamespace(namespace).withName(name).get();
  }

  ExamSchedule create(ExamSchedule schedule) {
    schedule.getMetadata().setNamespace(namespace);
    return client.resource(schedule).create();
  }

  void delete(String schedule) {
    client.resources(ExamSchedule.class).inNamespace(namespace).withName(schedule).delete();
  }

  List<String> eventReasons() {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .map(Event::getReason)
        .toList();
  }

  /**
   * A schedule for {@code expected} candidates on target "exam-session" (100 per pod at full
   * capacity, planned at 85 %), balloons derived, T-0 at {@code start}.
   */
  static ExamSchedule schedule(
      String name,
      String hpa,
      long expected,
      Instant start,
      String lead,
      String readyBefore,
      String duration,
      String delay) {
    ExamTarget target = new ExamTarget();
    target.setName("exam-session");
    target.setDeployment(hpa);
    target.setHpa(hpa);
    target.setCandidatesPerPod(100);
    target.setTargetUtilizationPercent(85);
    ExamScheduleSpec spec = new ExamScheduleSpec();
    spec.setExamId("exam-" + name);
    spec.setStartTime(DateTimeFormatter.ISO_INSTANT.format(start.truncatedTo(ChronoUnit.MILLIS)));
    spec.setDuration(duration);
    spec.setLeadTime(lead);
    spec.setReadinessDeadline(readyBefore);
    spec.setScaleDownDelay(delay);
    spec.setExpectedCandidates(expected);
    spec.setTargets(List.of(target));
    SurgeCapacity surge = new SurgeCapacity();
    surge.setNodeSelector(Map.of("cloud.google.com/gke-nodepool", "surge"));
    spec.setSurge(surge);
    ExamSchedule schedule = new ExamSchedule();
    schedule.getMetadata().setName(name);
    schedule.setSpec(spec);
    return schedule;
  }
}
