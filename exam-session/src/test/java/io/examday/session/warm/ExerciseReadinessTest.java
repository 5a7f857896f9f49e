package io.examday.session.warm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ExerciseReadinessTest {

  @Test
  void downWhileTheExerciseRuns() {
    HealthCheckResponse running = ExerciseReadiness.of(Optional.empty());
    assertThat(running.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(running.getData().orElseThrow()).containsEntry("outcome", "RUNNING");
  }

  @Test
  void upOnceItEndedWhateverTheOutcome() {
    for (ExerciseReport report :
        new ExerciseReport[] {
          new ExerciseReport("DONE", 32, 7_000, 0, 9_000),
          new ExerciseReport("UNEXPECTED", 32, 7_000, 3, 9_000),
          ExerciseReport.failed(120_000),
          ExerciseReport.off()
        }) {
      HealthCheckResponse ended = ExerciseReadiness.of(Optional.of(report));
      assertThat(ended.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
      assertThat(ended.getData().orElseThrow()).containsEntry("outcome", report.outcome());
    }
  }
}
