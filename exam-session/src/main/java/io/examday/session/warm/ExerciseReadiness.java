package io.examday.session.warm;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the start-up exercise runs: no candidate reaches a pod that is still cold. */
@Readiness
@Singleton
public class ExerciseReadiness implements HealthCheck {

  private final StartupExercise exercise;

  public ExerciseReadiness(StartupExercise exercise) {
    this.exercise = exercise;
  }

  @Override
  public HealthCheckResponse call() {
    return of(exercise.report());
  }

  /** DOWN while the exercise runs; UP once it ended, whatever its outcome, with its figures. */
  static HealthCheckResponse of(Optional<ExerciseReport> report) {
    var response = HealthCheckResponse.named("startup-exercise");
    return report
        .map(
            r ->
                response
                    .up()
                    .withData("outcome", r.outcome())
                    .withData("requests", r.requests())
                    .withData("unexpected", r.unexpected())
                    .withData("millis", r.millis())
                    .build())
        .orElseGet(() -> response.down().withData("outcome", "RUNNING").build());
  }
}
