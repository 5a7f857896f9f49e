package io.examday.operator.reconcile;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.crd.v1alpha1.ExamScheduleStatus;
import io.examday.operator.crd.v1alpha1.ExamTarget;
import io.examday.operator.model.ScheduleInputs;
import io.examday.operator.model.StatusAggregator;
import io.examday.operator.model.SurgeWorkloads;
import io.examday.operator.plan.FloorLedger;
import io.examday.operator.plan.InvalidScheduleException;
import io.examday.operator.plan.Observed;
import io.examday.operator.plan.Phase;
import io.examday.operator.plan.Plan;
import io.examday.operator.plan.Planner;
import io.examday.operator.plan.ScheduleInput;
import io.examday.operator.plan.TargetFloor;
import io.examday.operator.plan.TargetInput;
import io.examday.operator.plan.TargetObservation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reconciles one ExamSchedule: plan from (spec, now, what the cluster shows), make the HPAs and
 * surge workloads match, write the status, and sleep until the next transition.
 */
@ControllerConfiguration(name = ExamScheduleReconciler.NAME)
public class ExamScheduleReconciler implements Reconciler<ExamSchedule>, Cleaner<ExamSchedule> {

  public static final String NAME = "examschedule";

  /** Indexes schedules by the Deployments and HPAs they target, to map their events back. */
  static final String TARGET_INDEX = "examday-targets";

  private static final Logger LOG = Logger.getLogger(ExamScheduleReconciler.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Duration SMALLEST_WAIT = Duration.ofMillis(1);

  private final Clock clock;
  private final OperatorSettings settings;
  private final ScheduleMetrics metrics;
  private final Tracer tracer;
  private final Planner planner = new Planner();

  private InformerEventSource<Deployment, ExamSchedule> deployments;
  private HpaFloors hpaFloors;
  private SurgeApplier surge;
  private ScheduleAnnouncer announcer;

  public ExamScheduleReconciler(
      Clock clock, OperatorSettings settings, ScheduleMetrics metrics, Tracer tracer) {
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.tracer = tracer;
  }

  @Override
  public List<EventSource<?, ExamSchedule>> prepareEventSources(
      EventSourceContext<ExamSchedule> context) {
    context.getPrimaryCache().addIndexer(TARGET_INDEX, ExamScheduleReconciler::targetKeys);
    deployments =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Deployment.class, ExamSchedule.class)
                .withName("deployments")
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(d -> primariesOf(context, d, "deployment"))
                .build(),
            context);
    InformerEventSource<HorizontalPodAutoscaler, ExamSchedule> hpas =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(HorizontalPodAutoscaler.class, ExamSchedule.class)
                .withName("hpas")
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(h -> primariesOf(context, h, "hpa"))
                .build(),
            context);
    hpas.addIndexers(Map.of(HpaFloors.LEDGER_INDEX, HpaFloors::ledgerKeys));
    InformerEventSource<DaemonSet, ExamSchedule> daemonSets =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(DaemonSet.class, ExamSchedule.class)
                .withName("pre-pull")
                .withNamespacesInheritedFromController()
                .withLabelSelector(SurgeWorkloads.MANAGED_BY + "=" + SurgeWorkloads.OPERATOR)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(ExamSchedule.class))
                .build(),
            context);
    hpaFloors = new HpaFloors(context.getClient(), hpas, floor -> metrics.floorPatched());
    surge = new SurgeApplier(context.getClient(), deployments, daemonSets, settings.workloads());
    announcer = new ScheduleAnnouncer(new ScheduleEvents(context.getClient(), clock));
    return List.of(deployments, hpas, daemonSets);
  }

  @Override
  public UpdateControl<ExamSchedule> reconcile(
      ExamSchedule schedule, Context<ExamSchedule> context) {
    long cpuBefore = THREADS.getCurrentThreadCpuTime();
    long wallBefore = System.nanoTime();
    Span span =
        tracer
            .spanBuilder("reconcile ExamSchedule")
            .setAttribute("examday.schedule", ScheduleKey.of(schedule))
            .startSpan();
    try (Scope scope = span.makeCurrent()) {
      UpdateControl<ExamSchedule> control = reconcileAt(schedule, clock.instant());
      span.setAttribute("examday.phase", schedule.getStatus().getPhase());
      return control;
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
      metrics.reconciled(
          (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e6, System.nanoTime() - wallBefore);
    }
  }

  @Override
  public ErrorStatusUpdateControl<ExamSchedule> updateErrorStatus(
      ExamSchedule schedule, Context<ExamSchedule> context, Exception error) {
    long generation = Objects.requireNonNullElse(schedule.getMetadata().getGeneration(), 0L);
    LOG.warnf("%s: reconcile failed, will retry: %s", ScheduleKey.of(schedule), error.toString());
    schedule.setStatus(
        StatusAggregator.failedAttempt(schedule.getStatus(), generation, error, clock.instant()));
    metrics.degraded(ScheduleKey.of(schedule), true);
    return ErrorStatusUpdateControl.patchStatus(schedule);
  }

  @Override
  public DeleteControl cleanup(ExamSchedule schedule, Context<ExamSchedule> context) {
    String key = ScheduleKey.of(schedule);
    releaseAllBut(key, Set.of());
    surge.deleteAll(schedule);
    metrics.forget(key);
    LOG.infof("%s: deleted; its floors are released and its surge workloads removed", key);
    return DeleteControl.defaultDelete();
  }

  private UpdateControl<ExamSchedule> reconcileAt(ExamSchedule schedule, Instant now) {
    String key = ScheduleKey.of(schedule);
    ExamScheduleStatus previous = schedule.getStatus();
    long generation = Objects.requireNonNullElse(schedule.getMetadata().getGeneration(), 0L);
    Plan plan;
    Observed observed;
    try {
      ScheduleInput input = ScheduleInputs.from(schedule);
      observed = observe(schedule, input);
      plan = planner.plan(input, now, observed);
    } catch (InvalidScheduleException e) {
      // What is held stays held: an edit typo during the exam must not drop the floors.
      metrics.phase(key, Phase.FAILED);
      ExamScheduleStatus status =
          StatusAggregator.invalid(previous, generation, e.getMessage(), now);
      metrics.degraded(key, true);
      announcer.announce(schedule, previous, status);
      return write(schedule, previous, status, settings.resync());
    }
    Map<String, FloorLedger> ledgers = applyFloors(schedule, key, plan);
    surge.apply(schedule, plan);
    ExamScheduleStatus status =
        StatusAggregator.of(previous, generation, plan, observed, ledgers, now);
    announcer.announce(schedule, previous, status);
    metrics.phase(key, plan.phase());
    metrics.degraded(key, StatusAggregator.isTrue(status, StatusAggregator.DEGRADED));
    if (status.getCapacityMarginSeconds() != null) {
      metrics.margin(key, status.getCapacityMarginSeconds());
    }
    return write(schedule, previous, status, wait(plan));
  }

  private Map<String, FloorLedger> applyFloors(ExamSchedule schedule, String key, Plan plan) {
    String namespace = schedule.getMetadata().getNamespace();
    Map<String, FloorLedger> ledgers = new HashMap<>();
    Set<String> held = new HashSet<>();
    if (plan.holdCapacity()) {
      for (TargetFloor floor : plan.floors()) {
        TargetInput target = floor.target();
        hpaFloors
            .raise(namespace, target.hpa(), key, floor.floor())
            .ifPresent(ledger -> ledgers.put(target.name(), ledger));
        held.add(ScheduleKey.of(namespace, target.hpa()));
      }
    }
    releaseAllBut(key, held);
    return ledgers;
  }

  /** Releases every HPA the schedule holds an entry on, except {@code keep} (namespace/name). */
  private void releaseAllBut(String key, Set<String> keep) {
    for (HorizontalPodAutoscaler hpa : hpaFloors.touchedBy(key)) {
      if (!keep.contains(ScheduleKey.of(hpa))) {
        hpaFloors.release(hpa, key);
      }
    }
  }

  private Observed observe(ExamSchedule schedule, ScheduleInput input) {
    String namespace = schedule.getMetadata().getNamespace();
    Map<String, TargetObservation> targets = new HashMap<>();
    for (TargetInput target : input.targets()) {
      boolean hpaFound = hpaFloors.find(namespace, target.hpa()).isPresent();
      var deployment = deployments.get(new ResourceID(target.deployment(), namespace));
      int ready =
          deployment
              .map(Deployment::getStatus)
              .map(s -> Objects.requireNonNullElse(s.getReadyReplicas(), 0))
              .orElse(0);
      targets.put(target.name(), new TargetObservation(hpaFound, deployment.isPresent(), ready));
    }
    return new Observed(targets, surge.balloonsReady(schedule));
  }

  /** Until the next transition, and never longer than the resync interval. */
  private Duration wait(Plan plan) {
    Instant now = clock.instant();
    return plan.nextTransition()
        .map(next -> Duration.between(now, next))
        .map(d -> d.compareTo(SMALLEST_WAIT) < 0 ? SMALLEST_WAIT : d)
        .map(d -> d.compareTo(settings.resync()) > 0 ? settings.resync() : d)
        .orElse(settings.resync());
  }

  private UpdateControl<ExamSchedule> write(
      ExamSchedule schedule,
      ExamScheduleStatus previous,
      ExamScheduleStatus status,
      Duration wait) {
    if (status.equals(previous)) {
      return UpdateControl.<ExamSchedule>noUpdate().rescheduleAfter(wait);
    }
    schedule.setStatus(status);
    return UpdateControl.patchStatus(schedule).rescheduleAfter(wait);
  }

  private static List<String> targetKeys(ExamSchedule schedule) {
    if (schedule.getSpec() == null || schedule.getSpec().getTargets() == null) {
      return List.of();
    }
    String namespace = schedule.getMetadata().getNamespace();
    return schedule.getSpec().getTargets().stream()
        .flatMap(
            (ExamTarget t) ->
                java.util.stream.Stream.of(
                    "deployment:" + ScheduleKey.of(namespace, t.getDeployment()),
                    "hpa:" + ScheduleKey.of(namespace, t.getHpa())))
        .toList();
  }

  private static Set<ResourceID> primariesOf(
      EventSourceContext<ExamSchedule> context, HasMetadata resource, String kind) {
    Set<ResourceID> owners =
        new HashSet<>(
            Mappers.<HasMetadata>fromOwnerReferences(ExamSchedule.class)
                .toPrimaryResourceIDs(resource));
    context
        .getPrimaryCache()
        .byIndex(TARGET_INDEX, kind + ":" + ScheduleKey.of(resource))
        .forEach(schedule -> owners.add(ResourceID.fromResource(schedule)));
    return owners.stream().collect(Collectors.toUnmodifiableSet());
  }
}
