package io.examday.gateway.warm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the start-up exercise runs; then ready, whatever its outcome (in the data). */
@Readiness
@ApplicationScoped
public class ExerciseReadiness implements HealthCheck {

  @Inject StartupExercise exercise;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("startup-exercise");
    return exercise
        .outcome()
        .map(
            done ->
                response
                    .up()
                    .withData("outcome", done.outcome())
                    .withData("sockets", done.sockets())
                    .withData("hellos", done.hellos())
                    .withData("millis", done.millis())
                    .build())
        .orElseGet(() -> response.down().withData("outcome", "RUNNING").build());
  }
}
