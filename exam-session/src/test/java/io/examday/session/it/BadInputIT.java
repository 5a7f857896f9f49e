package io.examday.session.it;

import static io.examday.session.support.Fixture.login;
import static io.examday.session.support.Fixture.release;
import static io.examday.session.support.Fixture.save;
import static io.examday.session.support.Fixture.state;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.examday.session.support.TestClockProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx {code, message}, and nothing saved changes. */
@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class BadInputIT {

  private String token;

  @BeforeEach
  void candidateWithOneSavedAnswer() {
    TestClockProducer.CLOCK.set(Instant.now());
    Fixture.Exam exam = Fixture.exam(2, 3600, 30);
    release(exam.examId());
    token = login(exam.rolls().get(0));
    save(token, "q1", 1, "original").then().statusCode(200);
  }

  private void originalUntouched() {
    state(token).then().body("answers", hasSize(1)).body("answers[0].value", equalTo("original"));
  }

  @Test
  void malformedJson() {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"answers\": [")
        .put("/api/v1/session/answers")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_REQUEST"))
        .body("message", notNullValue());
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"answers\": \"nope\"}")
        .put("/api/v1/session/answers")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_REQUEST"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/api/v1/session/answers")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_REQUEST"));
    originalUntouched();
  }

  @Test
  void unknownQuestionAndMissingFields() {
    save(token, "q99", 2, "x").then().statusCode(400).body("code", equalTo("UNKNOWN_QUESTION"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("answers", List.of(Map.of("questionId", "q1", "value", "no seq"))))
        .put("/api/v1/session/answers")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_ANSWER"));
    save(token, "q1", -1, "negative")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_ANSWER"));
    originalUntouched();
  }

  @Test
  void answerOverTheSizeLimit() {
    save(token, "q1", 2, "x".repeat(64 * 1024 + 1))
        .then()
        .statusCode(413)
        .body("code", equalTo("ANSWER_TOO_LARGE"));
    save(token, "q1", 2, "y".repeat(64 * 1024)).then().statusCode(200);
    state(token).then().body("answers[0].seq", equalTo(2));
  }

  @Test
  void tokensThatMustNotWork() {
    save("not-a-token", "q1", 2, "x").then().statusCode(401).body("code", equalTo("TOKEN_INVALID"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("answers", List.of()))
        .put("/api/v1/session/answers")
        .then()
        .statusCode(401)
        .body("code", equalTo("TOKEN_MISSING"));
    String[] parts = token.split("\\.");
    String none =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"alg\":\"none\",\"kid\":\"local-1\"}".getBytes(StandardCharsets.UTF_8));
    save(none + "." + parts[1] + ".", "q1", 2, "x")
        .then()
        .statusCode(401)
        .body("code", equalTo("TOKEN_INVALID"));
    String forged =
        parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
    save(forged, "q1", 2, "x").then().statusCode(401).body("code", equalTo("TOKEN_INVALID"));
    TestClockProducer.CLOCK.set(Instant.now().plusSeconds(3600));
    save(token, "q1", 2, "x").then().statusCode(401).body("code", equalTo("TOKEN_EXPIRED"));
    TestClockProducer.CLOCK.set(Instant.now());
    originalUntouched();
  }

  @Test
  void anotherCandidatesSession() {
    String otherSession = state(login(rollOfOther())).then().extract().path("sessionId");
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "sessionId",
                otherSession,
                "answers",
                List.of(Map.of("questionId", "q1", "seq", 5, "value", "intruder"))))
        .put("/api/v1/session/answers")
        .then()
        .statusCode(403)
        .body("code", equalTo("NOT_YOUR_SESSION"));
    originalUntouched();
  }

  @Test
  void wrongLoginLooksTheSameAsUnknownAndIsRateLimited() {
    var wrong =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("rollNumber", rollOfOther(), "accessCode", "wrong-code"))
            .post("/api/v1/login")
            .then()
            .statusCode(401)
            .body("code", equalTo("INVALID_CREDENTIALS"))
            .extract()
            .path("message");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("rollNumber", "no-such-roll", "accessCode", "wrong-code"))
        .post("/api/v1/login")
        .then()
        .statusCode(401)
        .body("message", equalTo(wrong));
    for (int i = 0; i < 10; i++) {
      given()
          .contentType(ContentType.JSON)
          .body(Map.of("rollNumber", "guessed-roll", "accessCode", "guess-" + i))
          .post("/api/v1/login")
          .then()
          .statusCode(401);
    }
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("rollNumber", "guessed-roll", "accessCode", "guess-x"))
        .post("/api/v1/login")
        .then()
        .statusCode(429)
        .body("code", equalTo("TOO_MANY_ATTEMPTS"))
        .body("message", containsString("try again in"))
        // the rest of the window, at most the configured 5 minutes
        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
        .header(
            "Retry-After", s -> Integer.parseInt(s), allOf(greaterThan(0), lessThanOrEqualTo(300)));
  }

  @Test
  void proctorEndpointsNeedTheRole() {
    given().auth().oauth2(token).get("/api/v1/proctor/exams/x/sessions").then().statusCode(401);
    given()
        .auth()
        .oauth2(Fixture.token("someone", "student"))
        .get("/api/v1/proctor/exams/x/sessions")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Fixture.proctorToken())
        .get("/api/v1/proctor/exams/no-such-exam/sessions")
        .then()
        .statusCode(404)
        .body("code", equalTo("UNKNOWN_EXAM"));
  }

  private String otherRoll;

  private String rollOfOther() {
    if (otherRoll == null) {
      Fixture.Exam exam = Fixture.exam(1, 3600, 30);
      otherRoll = exam.rolls().get(0);
    }
    return otherRoll;
  }
}
