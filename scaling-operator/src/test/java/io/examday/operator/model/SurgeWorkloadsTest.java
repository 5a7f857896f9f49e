package io.examday.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.crd.v1alpha1.ExamScheduleSpec;
import io.examday.operator.crd.v1alpha1.SurgeCapacity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurgeWorkloadsTest {

  private static final WorkloadSettings SETTINGS =
      new WorkloadSettings("examday-balloon", "registry.k8s.io/pause:3.10");

  @Test
  void balloonsAreLowPriorityPausePodsSizedLikeATargetPodOnTheSurgePool() {
    Deployment balloons = SurgeWorkloads.balloons(schedule("morning"), 182, SETTINGS);

    assertThat(balloons.getMetadata().getName()).isEqualTo("examday-balloon-morning");
    assertThat(balloons.getMetadata().getNamespace()).isEqualTo("examday");
    assertThat(balloons.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("ExamSchedule");
              assertThat(owner.getUid()).isEqualTo("uid-1");
            });
    assertThat(balloons.getSpec().getReplicas()).isEqualTo(182);
    PodSpec pod = balloons.getSpec().getTemplate().getSpec();
    assertThat(pod.getPriorityClassName()).isEqualTo("examday-balloon");
    assertThat(pod.getTerminationGracePeriodSeconds()).isZero();
    assertThat(pod.getNodeSelector()).containsEntry("pool", "surge");
    assertThat(pod.getTolerations())
        .extracting(t -> t.getKey())
        .containsExactly("examday.io/surge");
    Container pause = pod.getContainers().getFirst();
    assertThat(pause.getImage()).isEqualTo("registry.k8s.io/pause:3.10");
    assertThat(pause.getResources().getRequests())
        .containsEntry("cpu", new Quantity("1"))
        .containsEntry("memory", new Quantity("2Gi"));
    assertThat(balloons.getSpec().getSelector().getMatchLabels())
        .isEqualTo(balloons.getSpec().getTemplate().getMetadata().getLabels());
  }

  @Test
  void prePullPullsEachImageInAnInitContainer() {
    DaemonSet prePull =
        SurgeWorkloads.prePull(schedule("morning"), List.of("a:1", "b:2"), SETTINGS);

    PodSpec pod = prePull.getSpec().getTemplate().getSpec();
    assertThat(pod.getInitContainers())
        .extracting(Container::getImage)
        .containsExactly("a:1", "b:2");
    assertThat(pod.getInitContainers().getFirst().getCommand())
        .containsExactly("/bin/sh", "-c", "true");
    assertThat(pod.getNodeSelector()).containsEntry("pool", "surge");
  }

  @Test
  void longScheduleNamesStayValidAndDistinct() {
    String base = "a".repeat(70);
    String one = SurgeWorkloads.balloonName(schedule(base + "-one"));
    String two = SurgeWorkloads.balloonName(schedule(base + "-two"));

    assertThat(one).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    assertThat(two).hasSizeLessThanOrEqualTo(63).isNotEqualTo(one);
  }

  private static ExamSchedule schedule(String name) {
    SurgeCapacity surge = new SurgeCapacity();
    surge.setNodeSelector(Map.of("pool", "surge"));
    surge.setTolerations(
        List.of(
            new TolerationBuilder().withKey("examday.io/surge").withOperator("Exists").build()));
    ExamScheduleSpec spec = new ExamScheduleSpec();
    spec.setSurge(surge);
    ExamSchedule schedule = new ExamSchedule();
    schedule.getMetadata().setName(name);
    schedule.getMetadata().setNamespace("examday");
    schedule.getMetadata().setUid("uid-1");
    schedule.setSpec(spec);
    return schedule;
  }
}
