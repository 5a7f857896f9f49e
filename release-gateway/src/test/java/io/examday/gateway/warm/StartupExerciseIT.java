package io.examday.gateway.warm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.examday.gateway.live.LiveGateway;
import io.examday.gateway.testing.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new instance opens candidate sockets to a throwaway gateway before it is ready, and none of
 * them reaches the gateway candidates use.
 */
@QuarkusTest
@TestProfile(StartupExerciseIT.Enabled.class)
@QuarkusTestResource(GatewayTestResource.class)
class StartupExerciseIT {

  static final int SOCKETS = 60;

  /** The exercise on, small. */
  public static class Enabled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "examday.gateway.startup-exercise.enabled",
          "true",
          "examday.gateway.startup-exercise.sockets",
          Integer.toString(SOCKETS));
    }
  }

  @Inject StartupExercise exercise;
  @Inject LiveGateway live;

  @Test
  void theSocketsAllGetTheirHelloThenTheInstanceIsReadyAndHoldsNoneOfThem() throws Exception {
    assertThat(exercise.awaitFinished(Duration.ofMinutes(1))).isTrue();
    StartupExercise.Outcome outcome = exercise.outcome().orElseThrow();

    assertThat(outcome.outcome()).isEqualTo("DONE");
    assertThat(outcome.sockets()).isEqualTo(SOCKETS);
    assertThat(outcome.hellos()).isEqualTo(SOCKETS);
    // the gateway candidates use (its live port is a free one here too) saw none of them: no
    // socket, no refused token
    assertThat(live.connected()).isZero();

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("examday_gateway_startup_exercise_seconds_count{outcome=\"DONE\"} 1.0")
        .doesNotContain("reason=\"TOKEN_INVALID\"");
    given()
        .get("/q/health/ready")
        .then()
        .body("checks.name", hasItem("startup-exercise"))
        .body("checks.find { it.name == 'startup-exercise' }.data.outcome", equalTo("DONE"))
        .body("checks.find { it.name == 'startup-exercise' }.data.hellos", equalTo(SOCKETS));
  }
}
