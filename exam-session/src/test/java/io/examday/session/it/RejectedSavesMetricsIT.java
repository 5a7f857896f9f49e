package io.examday.session.it;

import static io.examday.session.support.Fixture.login;
import static io.examday.session.support.Fixture.release;
import static io.examday.session.support.Fixture.save;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.examday.session.support.Metrics;
import io.examday.session.support.TestClockProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refused save is counted on /q/metrics with its code, unreadable bodies included. */
@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class RejectedSavesMetricsIT {

  private String token;

  @BeforeEach
  void releasedCandidate() {
    TestClockProducer.CLOCK.set(Instant.now());
    Fixture.Exam exam = Fixture.exam(1, 3600, 30);
    release(exam.examId());
    token = login(exam.rolls().get(0));
  }

  @Test
  void aSequenceRegressionIsCountedWithItsCode() {
    save(token, "q1", 2, "newer").then().statusCode(200);
    double before = rejected("STALE_SEQUENCE");
    save(token, "q1", 1, "older").then().statusCode(409).body("code", equalTo("STALE_SEQUENCE"));
    assertThat(rejected("STALE_SEQUENCE")).isEqualTo(before + 1);
  }

  @Test
  void aSaveAfterSubmitIsCountedWithItsCode() {
    given().auth().oauth2(token).post("/api/v1/session/submit").then().statusCode(200);
    double before = rejected("SESSION_SUBMITTED");
    save(token, "q1", 1, "late").then().statusCode(409).body("code", equalTo("SESSION_SUBMITTED"));
    assertThat(rejected("SESSION_SUBMITTED")).isEqualTo(before + 1);
  }

  @Test
  void aBodyThatIsNotJsonOfTheRightShapeIsCounted() {
    double before = rejected("MALFORMED_REQUEST");
    putBody("{\"answers\": [");
    putBody("{\"answers\": \"nope\"}");
    putBody("{}"); // valid JSON, refused by the validator: always counted
    assertThat(rejected("MALFORMED_REQUEST")).isEqualTo(before + 3);
  }

  private void putBody(String body) {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/session/answers")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_REQUEST"));
  }

  /** examday_autosave_rejected_total for one code, 0 before the first. */
  private static double rejected(String code) {
    return Metrics.sum("examday_autosave_rejected_total{code=\"" + code + "\"");
  }
}
