package io.examday.operator.model;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.crd.v1alpha1.SurgeCapacity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Pure builders for what a schedule owns: the balloon Deployment and the pre-pull DaemonSet. Both
 * carry an owner reference, so even a missed cleanup is collected with the schedule.
 */
public final class SurgeWorkloads {

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String OPERATOR = "examday-scaling-operator";
  public static final String SCHEDULE_LABEL = "examday.io/schedule";
  public static final String ROLE_LABEL = "examday.io/role";

  private static final int MAX_NAME = 63;

  private SurgeWorkloads() {}

  public static String balloonName(ExamSchedule schedule) {
    return name("examday-balloon-", schedule);
  }

  public static String prePullName(ExamSchedule schedule) {
    return name("examday-prepull-", schedule);
  }

  /** Pause pods sized like a target pod, evicted at once by any real pod (lowest priority). */
  public static Deployment balloons(
      ExamSchedule schedule, int replicas, WorkloadSettings settings) {
    SurgeCapacity surge = surgeOf(schedule);
    Map<String, String> labels = labels(schedule, "balloon");
    Container pause =
        new ContainerBuilder()
            .withName("balloon")
            .withImage(settings.pauseImage())
            .withResources(
                new ResourceRequirementsBuilder()
                    .withRequests(
                        Map.of(
                            "cpu", new Quantity(surge.getPodCpu()),
                            "memory", new Quantity(surge.getPodMemory())))
                    .build())
            .build();
    PodTemplateSpec template = template(labels, onSurgePool(surge, settings).withContainers(pause));
    return new DeploymentBuilder()
        .withMetadata(meta(schedule, balloonName(schedule), labels))
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withTemplate(template)
        .endSpec()
        .build();
  }

  /**
   * One pod per surge node whose init containers pull each image, so a real pod landing there
   * starts without a pull. Each image must contain /bin/sh: the init container runs `true`.
   */
  public static DaemonSet prePull(
      ExamSchedule schedule, List<String> images, WorkloadSettings settings) {
    SurgeCapacity surge = surgeOf(schedule);
    Map<String, String> labels = labels(schedule, "pre-pull");
    List<Container> pulls =
        IntStream.range(0, images.size())
            .mapToObj(
                i ->
                    new ContainerBuilder()
                        .withName("pull-" + i)
                        .withImage(images.get(i))
                        .withCommand("/bin/sh", "-c", "true")
                        .build())
            .toList();
    PodTemplateSpec template =
        template(
            labels,
            onSurgePool(surge, settings)
                .withInitContainers(pulls)
                .withContainers(
                    new ContainerBuilder()
                        .withName("pause")
                        .withImage(settings.pauseImage())
                        .build()));
    return new DaemonSetBuilder()
        .withMetadata(meta(schedule, prePullName(schedule), labels))
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withTemplate(template)
        .endSpec()
        .build();
  }

  private static SurgeCapacity surgeOf(ExamSchedule schedule) {
    SurgeCapacity surge = schedule.getSpec().getSurge();
    return surge == null ? new SurgeCapacity() : surge;
  }

  /**
   * A pod spec placed on the surge pool at the lowest priority, so real pods evict it at once:
   * shared by the balloons and the pre-pull pods.
   */
  private static PodSpecBuilder onSurgePool(SurgeCapacity surge, WorkloadSettings settings) {
    return new PodSpecBuilder()
        .withPriorityClassName(settings.balloonPriorityClass())
        .withTerminationGracePeriodSeconds(0L)
        .withNodeSelector(surge.getNodeSelector())
        .withTolerations(surge.getTolerations());
  }

  private static PodTemplateSpec template(Map<String, String> labels, PodSpecBuilder spec) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withSpec(spec.build())
        .build();
  }

  private static ObjectMeta meta(ExamSchedule schedule, String name, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(schedule.getMetadata().getNamespace())
        .withLabels(labels)
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(schedule.getApiVersion())
                .withKind(schedule.getKind())
                .withName(schedule.getMetadata().getName())
                .withUid(schedule.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(false)
                .build())
        .build();
  }

  private static Map<String, String> labels(ExamSchedule schedule, String role) {
    return Map.of(
        MANAGED_BY, OPERATOR,
        SCHEDULE_LABEL, truncate(schedule.getMetadata().getName()),
        ROLE_LABEL, role);
  }

  private static String name(String prefix, ExamSchedule schedule) {
    return truncate(prefix + schedule.getMetadata().getName());
  }

  /** Long names keep a hash of the whole, so two long schedule names never share a balloon. */
  private static String truncate(String text) {
    if (text.length() <= MAX_NAME) {
      return text;
    }
    String hash = String.format("%08x", text.hashCode());
    return text.substring(0, MAX_NAME - hash.length() - 1).replaceAll("[-.]+$", "") + "-" + hash;
  }
}
