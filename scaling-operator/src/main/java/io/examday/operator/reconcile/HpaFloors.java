package io.examday.operator.reconcile;

import io.examday.operator.plan.FloorLedger;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Raises and restores HPA floors through the ledger in the HPA's annotations. Every write is an
 * update with the resourceVersion read, so two schedules racing on one HPA cannot both win: the
 * loser gets a conflict and JOSDK retries it against the new ledger.
 */
final class HpaFloors {

  /** Indexes HPAs by the schedule keys in their ledger, to find what a schedule has touched. */
  static final String LEDGER_INDEX = "examday-ledger";

  private static final int DEFAULT_MIN_REPLICAS = 1;

  private final KubernetesClient client;
  private final InformerEventSource<HorizontalPodAutoscaler, ?> cache;
  private final IntConsumer onPatch;

  HpaFloors(
      KubernetesClient client,
      InformerEventSource<HorizontalPodAutoscaler, ?> cache,
      IntConsumer onPatch) {
    this.client = client;
    this.cache = cache;
    this.onPatch = onPatch;
  }

  static List<String> ledgerKeys(HorizontalPodAutoscaler hpa) {
    try {
      return FloorLedger.recorded(hpa.getMetadata().getAnnotations())
          .map(ledger -> List.copyOf(ledger.floors().keySet()))
          .orElse(List.of());
    } catch (IllegalStateException damaged) {
      // Never fail the informer's indexer; the reconcile that reads this ledger reports it.
      return List.of();
    }
  }

  Optional<HorizontalPodAutoscaler> find(String namespace, String name) {
    return cache.get(new ResourceID(name, namespace));
  }

  /** HPAs whose ledger holds an entry of {@code scheduleKey}. */
  List<HorizontalPodAutoscaler> touchedBy(String scheduleKey) {
    return cache.byIndex(LEDGER_INDEX, scheduleKey);
  }

  /** Records {@code floor} for the schedule and applies the ledger; the ledger after. */
  Optional<FloorLedger> raise(String namespace, String hpaName, String scheduleKey, int floor) {
    return find(namespace, hpaName)
        .map(
            hpa -> {
              FloorLedger ledger =
                  FloorLedger.current(annotations(hpa), minOf(hpa), maxOf(hpa))
                      .with(scheduleKey, floor);
              write(hpa, ledger);
              return ledger;
            });
  }

  /** Drops the schedule's entry; restores the originals if it was the last one. */
  void release(HorizontalPodAutoscaler hpa, String scheduleKey) {
    FloorLedger.recorded(annotations(hpa))
        .filter(ledger -> ledger.floors().containsKey(scheduleKey))
        .ifPresent(ledger -> write(hpa, ledger.without(scheduleKey)));
  }

  /** The ledger on an HPA, for status (originals) even when this schedule holds no entry. */
  Optional<FloorLedger> ledgerOf(String namespace, String hpaName) {
    return find(namespace, hpaName).flatMap(hpa -> FloorLedger.recorded(annotations(hpa)));
  }

  private void write(HorizontalPodAutoscaler hpa, FloorLedger ledger) {
    int min = ledger.active() ? ledger.desiredMin() : ledger.originalMin();
    int max = ledger.active() ? ledger.desiredMax() : ledger.originalMax();
    Map<String, String> annotations = new HashMap<>(annotations(hpa));
    annotations.remove(FloorLedger.ORIGINAL_MIN);
    annotations.remove(FloorLedger.ORIGINAL_MAX);
    annotations.remove(FloorLedger.FLOORS);
    annotations.putAll(ledger.annotations());
    if (min == minOf(hpa) && max == maxOf(hpa) && annotations.equals(annotations(hpa))) {
      return;
    }
    HorizontalPodAutoscaler updated =
        new HorizontalPodAutoscalerBuilder(hpa)
            .editMetadata()
            .withAnnotations(annotations)
            .endMetadata()
            .editSpec()
            .withMinReplicas(min)
            .withMaxReplicas(max)
            .endSpec()
            .build();
    HorizontalPodAutoscaler written = client.resource(updated).update();
    cache.handleRecentResourceUpdate(ResourceID.fromResource(written), written, hpa);
    onPatch.accept(min);
  }

  private static Map<String, String> annotations(HorizontalPodAutoscaler hpa) {
    Map<String, String> annotations = hpa.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  private static int minOf(HorizontalPodAutoscaler hpa) {
    Integer min = hpa.getSpec().getMinReplicas();
    return min == null ? DEFAULT_MIN_REPLICAS : min;
  }

  private static int maxOf(HorizontalPodAutoscaler hpa) {
    return hpa.getSpec().getMaxReplicas();
  }
}
