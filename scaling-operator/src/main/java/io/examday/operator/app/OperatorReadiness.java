package io.examday.operator.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the operator has started. A standby replica (not leader) is ready too, or a rolling
 * update would wait forever for a new pod that cannot lead while the old one holds the Lease;
 * informer health is reported alongside.
 */
@Readiness
@ApplicationScoped
public class OperatorReadiness implements HealthCheck {

  private final OperatorLifecycle lifecycle;

  public OperatorReadiness(OperatorLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("examschedule-operator")
        .status(lifecycle.started())
        .withData("informersHealthy", lifecycle.informersHealthy())
        .build();
  }
}
