package io.examday.operator.reconcile;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Kubernetes Events on the schedule, so `kubectl describe examschedule` and the war room's event
 * feed show CapacityReady and Degraded as they happen. Best effort: a lost event must not stop the
 * floors from being raised.
 */
final class ScheduleEvents {

  static final String NORMAL = "Normal";
  static final String WARNING = "Warning";

  private static final Logger LOG = Logger.getLogger(ScheduleEvents.class);
  private static final String COMPONENT = "examday-scaling-operator";

  private final KubernetesClient client;
  private final Clock clock;

  ScheduleEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  void emit(ExamSchedule schedule, String type, String reason, String message) {
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(schedule.getMetadata().getName() + "." + UUID.randomUUID())
            .withNamespace(schedule.getMetadata().getNamespace())
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(schedule.getApiVersion())
            .withKind(schedule.getKind())
            .withName(schedule.getMetadata().getName())
            .withNamespace(schedule.getMetadata().getNamespace())
            .withUid(schedule.getMetadata().getUid())
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .build();
    try {
      client.v1().events().resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warnf(
          "event %s on %s/%s not recorded: %s",
          reason,
          schedule.getMetadata().getNamespace(),
          schedule.getMetadata().getName(),
          e.getMessage());
    }
  }
}
