package io.examday.session.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.warm.StartupExercise;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A start-up exercise that cannot finish in time stops its candidates, still removes its exam, and
 * the pod becomes ready (cold) instead of staying out of service.
 */
@QuarkusTest
@TestProfile(StartupExerciseFailureIT.TooShort.class)
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class StartupExerciseFailureIT {

  /** A phase time-out no exercise can meet. */
  public static class TooShort implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "examday.startup-exercise.enabled", "true",
          "examday.startup-exercise.candidates", "8",
          "examday.startup-exercise.saves-per-candidate", "1000",
          "examday.startup-exercise.timeout", "PT0.001S");
    }
  }

  @Inject StartupExercise exercise;

  @Test
  void aTimedOutExerciseIsCleanedUpAndThePodBecomesReady() throws Exception {
    // bounded well below what 8 candidates x 1,000 saves would take if nothing stopped them
    assertThat(exercise.awaitFinished(Duration.ofSeconds(60))).isTrue();
    assertThat(exercise.report().orElseThrow().outcome()).isEqualTo("FAILED");

    try (ResultSet rows =
        ExamSessionTestResource.database
            .client()
            .singleUse()
            .executeQuery(
                Statement.of(
                    "SELECT (SELECT COUNT(*) FROM Exams WHERE STARTS_WITH(ExamId, 'warmup-'))"
                        + " + (SELECT COUNT(*) FROM Sessions WHERE STARTS_WITH(ExamId, 'warmup-'))"
                        + " + (SELECT COUNT(*) FROM Candidates"
                        + " WHERE STARTS_WITH(ExamId, 'warmup-'))"))) {
      rows.next();
      assertThat(rows.getLong(0)).isZero();
    }

    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'startup-exercise' }.data.outcome", equalTo("FAILED"));
  }
}
