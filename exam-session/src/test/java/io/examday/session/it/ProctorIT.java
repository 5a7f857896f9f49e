package io.examday.session.it;

import static io.examday.session.support.Fixture.login;
import static io.examday.session.support.Fixture.proctorToken;
import static io.examday.session.support.Fixture.release;
import static io.examday.session.support.Fixture.save;
import static io.examday.session.support.Fixture.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.examday.session.support.TestClockProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class ProctorIT {

  private static final String ACK_TIME = "acks[0].committedAt";

  private Fixture.Exam exam;
  private String token;
  private String sessionId;

  @BeforeEach
  void releasedExam() {
    TestClockProducer.CLOCK.set(Instant.now());
    exam = Fixture.exam(3, 3600, 30);
    release(exam.examId());
    token = login(exam.rolls().get(0));
    sessionId = state(token).then().extract().path("sessionId");
  }

  private io.restassured.response.ValidatableResponse act(String action, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(proctorToken())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/proctor/sessions/" + sessionId + "/" + action)
        .then();
  }

  @Test
  void extraTimeMovesTheDeadlineAndIsAudited() {
    Instant before = Instant.parse(state(token).then().extract().path("deadline"));
    act("extra-time", Map.of("seconds", 600, "reason", "medical break")).statusCode(200);
    Instant after = Instant.parse(state(token).then().extract().path("deadline"));
    assertThat(Duration.between(before, after)).isEqualTo(Duration.ofSeconds(600));
    TestClockProducer.CLOCK.set(before.plusSeconds(300));
    String late = login(exam.rolls().get(0)); // the first token has expired by now
    save(late, "q1", 1, "in the extra time").then().statusCode(200);
    TestClockProducer.CLOCK.set(after.plusSeconds(31));
    String later = login(exam.rolls().get(0));
    save(later, "q1", 2, "after the extended grace")
        .then()
        .statusCode(409)
        .body("code", equalTo("DEADLINE_PASSED"));
    state(later).then().body("answers[0].value", equalTo("in the extra time"));
    assertAudited("EXTRA_TIME", "medical break");
  }

  @Test
  void pauseStopsTheClockAndSavesResumeRestartsIt() {
    Instant deadline = Instant.parse(state(token).then().extract().path("deadline"));
    act("pause", Map.of("reason", "fire alarm")).statusCode(200).body("status", equalTo("PAUSED"));
    save(token, "q1", 1, "while paused")
        .then()
        .statusCode(409)
        .body("code", equalTo("SESSION_PAUSED"));
    TestClockProducer.CLOCK.advance(Duration.ofMinutes(7));
    act("resume", Map.of("reason", "alarm over")).statusCode(200).body("status", equalTo("ACTIVE"));
    Instant resumed = Instant.parse(state(token).then().extract().path("deadline"));
    assertThat(Duration.between(deadline, resumed))
        .isBetween(Duration.ofSeconds(419), Duration.ofSeconds(421));
    save(token, "q1", 1, "after resume").then().statusCode(200);
    act("resume", Map.of("reason", "twice"))
        .statusCode(409)
        .body("code", equalTo("INVALID_ACTION"));
  }

  @Test
  void pauseAndResumeAreAuditedAndTheListShowsLastSaveAndTimeLeft() {
    save(token, "q1", 1, "a").then().statusCode(200);
    Instant lastSave =
        Instant.parse(save(token, "q2", 1, "b").then().statusCode(200).extract().path(ACK_TIME));
    Instant deadline = Instant.parse(state(token).then().extract().path("deadline"));
    TestClockProducer.CLOCK.set(deadline.minusSeconds(1800));
    assertRow("ACTIVE", 1800, lastSave);

    act("pause", Map.of("reason", "fire alarm")).statusCode(200);
    TestClockProducer.CLOCK.advance(Duration.ofMinutes(10));
    assertRow("PAUSED", 1800, lastSave);
    act("resume", Map.of("reason", "alarm over")).statusCode(200);
    TestClockProducer.CLOCK.advance(Duration.ofSeconds(60));
    assertRow("ACTIVE", 1740, lastSave);

    assertAudited("PAUSE", "fire alarm");
    assertAudited("RESUME", "alarm over");
  }

  /** The exam's audit log has {@code action} on this session, by the test proctor, with why. */
  private void assertAudited(String action, String reason) {
    String row = "find { it.action == '" + action + "' }";
    given()
        .auth()
        .oauth2(proctorToken())
        .get("/api/v1/proctor/exams/" + exam.examId() + "/audit")
        .then()
        .statusCode(200)
        .body(row + ".actor", equalTo("proctor@test"))
        .body(row + ".reason", equalTo(reason))
        .body(row + ".sessionId", equalTo(sessionId));
  }

  private void assertRow(String status, int remainingSeconds, Instant lastSave) {
    Map<String, Object> row =
        given()
            .auth()
            .oauth2(proctorToken())
            .get("/api/v1/proctor/exams/" + exam.examId() + "/sessions")
            .then()
            .statusCode(200)
            .extract()
            .path("sessions.find { it.sessionId == '" + sessionId + "' }");
    assertThat(row).containsEntry("status", status).containsEntry("answeredCount", 2);
    assertThat(row.get("remainingSeconds"))
        .as("remaining at the fixed clock")
        .isEqualTo(remainingSeconds);
    assertThat(Instant.parse((String) row.get("lastDurableSaveAt"))).isEqualTo(lastSave);
  }

  @Test
  void forceSubmitKeepsAnswersAndIsAudited() {
    save(token, "q1", 1, "answer").then().statusCode(200);
    act("submit", Map.of("reason", "misconduct"))
        .statusCode(200)
        .body("status", equalTo("SUBMITTED"));
    save(token, "q2", 1, "late").then().statusCode(409).body("code", equalTo("SESSION_SUBMITTED"));
    state(token).then().body("answers[0].value", equalTo("answer"));
    act("extra-time", Map.of("seconds", 60, "reason", "x"))
        .statusCode(409)
        .body("code", equalTo("SESSION_SUBMITTED"));
    given()
        .auth()
        .oauth2(proctorToken())
        .get("/api/v1/proctor/exams/" + exam.examId() + "/audit")
        .then()
        .body("action", hasItems("FORCE_SUBMIT"));
  }

  @Test
  void actionsNeedAReason() {
    act("pause", Map.of()).statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    act("extra-time", Map.of("seconds", -5, "reason", "x"))
        .statusCode(400)
        .body("code", equalTo("MALFORMED_REQUEST"));
    given()
        .auth()
        .oauth2(proctorToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "x"))
        .post("/api/v1/proctor/sessions/no-such-session/pause")
        .then()
        .statusCode(404)
        .body("code", equalTo("UNKNOWN_SESSION"));
  }

  @Test
  void sessionListAndAnsweredCounts() {
    save(token, "q1", 1, "a").then().statusCode(200);
    save(token, "q2", 1, "b").then().statusCode(200);
    String other = login(exam.rolls().get(1));
    save(other, "q1", 1, "c").then().statusCode(200);
    given()
        .auth()
        .oauth2(proctorToken())
        .get("/api/v1/proctor/exams/" + exam.examId() + "/sessions")
        .then()
        .statusCode(200)
        .body("sessions.size()", equalTo(3))
        .body("sessions.find { it.sessionId == '" + sessionId + "' }.answeredCount", equalTo(2))
        .body("sessions.find { it.sessionId == '" + sessionId + "' }.status", equalTo("ACTIVE"));
    given()
        .auth()
        .oauth2(proctorToken())
        .get("/api/v1/proctor/exams/" + exam.examId() + "/answered-counts")
        .then()
        .statusCode(200)
        .body("q1", equalTo(2))
        .body("q2", equalTo(1));
  }

  @Test
  void theListPagesThroughAnExamInSessionOrderAndFiltersByStoredStatus() {
    Fixture.Exam big = Fixture.exam(105, 3600, 30);
    release(big.examId());
    String first = login(big.rolls().get(0));
    sessionId = state(first).then().extract().path("sessionId");
    save(first, "q1", 1, "a").then().statusCode(200);
    act("pause", Map.of("reason", "fire alarm")).statusCode(200);

    List<Map<String, Object>> all = listAll(big.examId(), null);
    assertThat(all).hasSize(105);
    List<String> ids = all.stream().map(row -> (String) row.get("sessionId")).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted();

    List<Map<String, Object>> paused = listAll(big.examId(), "PAUSED");
    assertThat(paused)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row)
                  .containsEntry("sessionId", sessionId)
                  .containsEntry("status", "PAUSED");
              assertThat(row).containsEntry("answeredCount", 1);
            });
    assertThat(listAll(big.examId(), "ACTIVE"))
        .hasSize(104)
        .noneMatch(row -> row.get("sessionId").equals(sessionId));
    assertThat(listAll(big.examId(), "SUBMITTED")).isEmpty();
  }

  @Test
  void anUnknownStatusFilterIsABadRequestNotAnEmptyList() {
    for (String status : List.of("paused", "WAITING", "DONE")) {
      given()
          .auth()
          .oauth2(proctorToken())
          .queryParam("status", status)
          .get("/api/v1/proctor/exams/" + exam.examId() + "/sessions")
          .then()
          .statusCode(400)
          .body("code", equalTo("MALFORMED_REQUEST"))
          .body("message", containsString("ACTIVE, PAUSED or SUBMITTED"));
    }
  }

  /** Every page of the list, following nextPageToken; each page holds at most 100. */
  private List<Map<String, Object>> listAll(String examId, String status) {
    List<Map<String, Object>> rows = new ArrayList<>();
    String pageToken = null;
    do {
      var request = given().auth().oauth2(proctorToken());
      if (status != null) {
        request.queryParam("status", status);
      }
      if (pageToken != null) {
        request.queryParam("pageToken", pageToken);
      }
      var page =
          request.get("/api/v1/proctor/exams/" + examId + "/sessions").then().statusCode(200);
      List<Map<String, Object>> sessions = page.extract().path("sessions");
      assertThat(sessions).hasSizeLessThanOrEqualTo(100);
      rows.addAll(sessions);
      pageToken = page.extract().path("nextPageToken");
    } while (pageToken != null);
    return rows;
  }
}
