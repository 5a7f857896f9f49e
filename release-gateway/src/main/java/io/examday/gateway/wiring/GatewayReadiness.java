package io.examday.gateway.wiring;

import io.examday.gateway.exam.SpannerExams;
import io.examday.gateway.exam.UnknownExamException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the candidate-socket server listens and Spanner answers (a single-use read of an exam
 * id that cannot exist: cheap, and it proves the database is reachable).
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

  private static final String PROBE_EXAM = "readiness-probe";

  @Inject LiveRoutes routes;
  @Inject SpannerExams exams;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("release-gateway");
    if (!routes.listening()) {
      return response.down().withData("sockets", "not listening").build();
    }
    try {
      exams.load(PROBE_EXAM);
    } catch (UnknownExamException expected) {
      return response.up().build();
    } catch (RuntimeException e) {
      return response.down().withData("spanner", e.getClass().getSimpleName()).build();
    }
    return response.up().build();
  }
}
