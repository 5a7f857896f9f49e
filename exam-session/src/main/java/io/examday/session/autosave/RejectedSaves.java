package io.examday.session.autosave;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** Saves refused, by error code ({@code examday_autosave_rejected_total{code}}). */
@Singleton
public class RejectedSaves {

  private final MeterRegistry metrics;

  public RejectedSaves(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  public void count(String code) {
    Counter.builder("examday.autosave.rejected")
        .description("Saves refused, by error code")
        .tag("code", code)
        .register(metrics)
        .increment();
  }
}
