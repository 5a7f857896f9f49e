package io.examday.operator.reconcile;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.model.SurgeWorkloads;
import io.examday.operator.model.WorkloadSettings;
import io.examday.operator.plan.Plan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, resizes and deletes the balloon Deployment and the pre-pull DaemonSet. A hash of the
 * desired spec in an annotation decides whether to update: the API server fills in defaults, so
 * comparing specs field by field would rewrite them on every reconcile.
 */
final class SurgeApplier {

  static final String SPEC_HASH = "examday.io/spec-hash";

  private final KubernetesClient client;
  private final InformerEventSource<Deployment, ?> deployments;
  private final InformerEventSource<DaemonSet, ?> daemonSets;
  private final WorkloadSettings settings;

  SurgeApplier(
      KubernetesClient client,
      InformerEventSource<Deployment, ?> deployments,
      InformerEventSource<DaemonSet, ?> daemonSets,
      WorkloadSettings settings) {
    this.client = client;
    this.deployments = deployments;
    this.daemonSets = daemonSets;
    this.settings = settings;
  }

  /** Balloon pods running now (0 when there is no balloon Deployment). */
  int balloonsReady(ExamSchedule schedule) {
    return balloons(schedule)
        .map(d -> d.getStatus() == null ? null : d.getStatus().getReadyReplicas())
        .map(ready -> ready == null ? 0 : ready)
        .orElse(0);
  }

  void apply(ExamSchedule schedule, Plan plan) {
    if (plan.holdCapacity() && plan.balloons() > 0) {
      ensure(
          SurgeWorkloads.balloons(schedule, plan.balloons(), settings),
          balloons(schedule),
          deployments);
    } else {
      balloons(schedule).ifPresent(this::delete);
    }
    if (plan.holdCapacity() && !plan.prePullImages().isEmpty()) {
      ensure(
          SurgeWorkloads.prePull(schedule, plan.prePullImages(), settings),
          prePull(schedule),
          daemonSets);
    } else {
      prePull(schedule).ifPresent(this::delete);
    }
  }

  void deleteAll(ExamSchedule schedule) {
    client
        .apps()
        .deployments()
        .inNamespace(schedule.getMetadata().getNamespace())
        .withName(SurgeWorkloads.balloonName(schedule))
        .delete();
    client
        .apps()
        .daemonSets()
        .inNamespace(schedule.getMetadata().getNamespace())
        .withName(SurgeWorkloads.prePullName(schedule))
        .delete();
  }

  private Optional<Deployment> balloons(ExamSchedule schedule) {
    return deployments.get(
        new ResourceID(
            SurgeWorkloads.balloonName(schedule), schedule.getMetadata().getNamespace()));
  }

  private Optional<DaemonSet> prePull(ExamSchedule schedule) {
    return daemonSets.get(
        new ResourceID(
            SurgeWorkloads.prePullName(schedule), schedule.getMetadata().getNamespace()));
  }

  /**
   * Creates or updates {@code desired}, and hands the result to the informer's cache so the watch
   * event of this very write does not trigger another reconcile.
   */
  private <T extends HasMetadata> void ensure(
      T desired, Optional<T> existing, InformerEventSource<T, ?> cache) {
    String hash = hash(desired);
    Map<String, String> annotations = new HashMap<>();
    annotations.put(SPEC_HASH, hash);
    desired.getMetadata().setAnnotations(annotations);
    if (existing.isEmpty()) {
      T created = client.resource(desired).create();
      cache.handleRecentResourceCreate(ResourceID.fromResource(created), created);
      return;
    }
    T current = existing.get();
    Map<String, String> currentAnnotations = current.getMetadata().getAnnotations();
    if (currentAnnotations == null || !hash.equals(currentAnnotations.get(SPEC_HASH))) {
      desired.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
      T updated = client.resource(desired).update();
      cache.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, current);
    }
  }

  private void delete(HasMetadata resource) {
    client.resource(resource).delete();
  }

  private static String hash(HasMetadata desired) {
    try {
      byte[] json = Serialization.asJson(desired).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
