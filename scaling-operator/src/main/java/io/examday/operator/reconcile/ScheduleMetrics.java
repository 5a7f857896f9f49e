package io.examday.operator.reconcile;

import io.examday.operator.plan.Phase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the war room watches: schedules by phase, those Degraded, the margin CapacityReady left
 * before T-0, HPA patches, and the CPU a reconcile costs.
 */
public final class ScheduleMetrics {

  public static final String RECONCILE_CPU = "examday.operator.reconcile.cpu";
  public static final String RECONCILE_TIME = "examday.operator.reconcile.time";

  private final MeterRegistry registry;
  private final Map<String, Phase> phases = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> margins = new ConcurrentHashMap<>();
  private final Map<String, Boolean> degraded = new ConcurrentHashMap<>();
  private final Counter floorPatches;
  private final DistributionSummary reconcileCpu;
  private final Timer reconcileTime;

  public ScheduleMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Phase phase : Phase.values()) {
      Gauge.builder("examday.operator.schedules", phases, all -> count(all, phase))
          .description("ExamSchedules by phase")
          .tag("phase", phase.label())
          .register(registry);
    }
    Gauge.builder(
            "examday.operator.schedules.degraded",
            degraded,
            all -> all.values().stream().filter(Boolean::booleanValue).count())
        .description("ExamSchedules whose Degraded condition is True (capacity short, or an error)")
        .register(registry);
    floorPatches =
        Counter.builder("examday.operator.hpa.patches")
            .description("HPA floor writes (raise or restore)")
            .register(registry);
    reconcileCpu =
        DistributionSummary.builder(RECONCILE_CPU)
            .description("CPU time of one reconcile, on the reconciling thread")
            .baseUnit("milliseconds")
            .register(registry);
    reconcileTime =
        Timer.builder(RECONCILE_TIME)
            .description("Wall time of one reconcile, API calls included")
            .register(registry);
  }

  void phase(String scheduleKey, Phase phase) {
    phases.put(scheduleKey, phase);
  }

  void degraded(String scheduleKey, boolean isDegraded) {
    degraded.put(scheduleKey, isDegraded);
  }

  void margin(String scheduleKey, long seconds) {
    margins
        .computeIfAbsent(
            scheduleKey,
            key -> {
              AtomicLong holder = new AtomicLong();
              Gauge.builder("examday.operator.capacity.margin", holder, AtomicLong::get)
                  .description("Seconds between CapacityReady and T-0")
                  .baseUnit("seconds")
                  .tags(Tags.of("schedule", key))
                  .register(registry);
              return holder;
            })
        .set(seconds);
  }

  void floorPatched() {
    floorPatches.increment();
  }

  void reconciled(double cpuMillis, long wallNanos) {
    reconcileCpu.record(cpuMillis);
    reconcileTime.record(wallNanos, TimeUnit.NANOSECONDS);
  }

  void forget(String scheduleKey) {
    phases.remove(scheduleKey);
    degraded.remove(scheduleKey);
    if (margins.remove(scheduleKey) != null) {
      registry
          .find("examday.operator.capacity.margin")
          .tag("schedule", scheduleKey)
          .meters()
          .forEach(registry::remove);
    }
  }

  private static double count(Map<String, Phase> all, Phase phase) {
    return all.values().stream().filter(phase::equals).count();
  }
}
