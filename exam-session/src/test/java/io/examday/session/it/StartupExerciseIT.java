package io.examday.session.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Metrics;
import io.examday.session.warm.ExerciseReport;
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
 * A new pod sits a synthetic exam through its own HTTP API before it is ready, and leaves nothing
 * of it behind.
 */
@QuarkusTest
@TestProfile(StartupExerciseIT.Enabled.class)
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class StartupExerciseIT {

  static final int CANDIDATES = 4;
  static final int LOGINS = 3;
  static final int SAVES = 30;

  /** The exercise on, small. */
  public static class Enabled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "examday.startup-exercise.enabled", "true",
          "examday.startup-exercise.candidates", Integer.toString(CANDIDATES),
          "examday.startup-exercise.logins-per-candidate", Integer.toString(LOGINS),
          "examday.startup-exercise.saves-per-candidate", Integer.toString(SAVES));
    }
  }

  @Inject StartupExercise exercise;

  private static long count(String sql) {
    try (ResultSet rows =
        ExamSessionTestResource.database.client().singleUse().executeQuery(Statement.of(sql))) {
      rows.next();
      return rows.getLong(0);
    }
  }

  @Test
  void theSyntheticExamRunsEveryRequestAsExpectedThenIsRemovedAndThePodIsReady() throws Exception {
    assertThat(exercise.awaitFinished(Duration.ofMinutes(2))).isTrue();
    ExerciseReport report = exercise.report().orElseThrow();

    assertThat(report.outcome()).isEqualTo("DONE");
    assertThat(report.unexpected()).isZero();
    assertThat(report.candidates()).isEqualTo(CANDIDATES);
    // per candidate: 3 logins each with a session read, a read at the release, 30 saves + 3
    // re-sends + 1 older sequence, a read after each of the 30, submit, a save after the submit
    // (409 expected), the final read
    assertThat(report.requests())
        .isEqualTo(CANDIDATES * (LOGINS * 2 + 1 + SAVES + 3 + 1 + SAVES + 1 + 1 + 1));

    assertThat(count("SELECT COUNT(*) FROM Exams WHERE STARTS_WITH(ExamId, 'warmup-')")).isZero();
    assertThat(count("SELECT COUNT(*) FROM Candidates WHERE STARTS_WITH(ExamId, 'warmup-')"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM Sessions WHERE STARTS_WITH(ExamId, 'warmup-')"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM Questions WHERE STARTS_WITH(ExamId, 'warmup-')"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM ExamReleases WHERE STARTS_WITH(ExamId, 'warmup-')"))
        .isZero();

    // the saves went through the real path: the acknowledgement timer counted them
    String metrics = Metrics.scrape();
    assertThat(metrics).contains("examday_startup_exercise_seconds_count{outcome=\"DONE\"} 1.0");
    assertThat(Metrics.sum(metrics, "examday_autosave_ack_seconds_count"))
        .isGreaterThanOrEqualTo(CANDIDATES * (SAVES + 3 + 1));

    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("startup-exercise"))
        .body(
            "checks.find { it.name == 'startup-exercise' }.data.outcome",
            org.hamcrest.Matchers.equalTo("DONE"));
  }
}
