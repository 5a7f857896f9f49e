package io.examday.session.it;

import static io.examday.session.support.Fixture.adminToken;
import static io.examday.session.support.Fixture.login;
import static io.examday.session.support.Fixture.proctorToken;
import static io.examday.session.support.Fixture.release;
import static io.examday.session.support.Fixture.save;
import static io.examday.session.support.Fixture.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.google.cloud.spanner.Mutation;
import io.examday.session.login.CandidateDirectory;
import io.examday.session.login.DirectoryCache;
import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.examday.session.support.TestClockProducer;
import io.examday.session.warm.ExamRoster;
import io.examday.session.warm.ExamWarmer;
import io.examday.session.warm.WarmReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The warm-up: an exam's logins and sessions staged in Redis before the synchronized start. */
@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class WarmIT {

  @Inject ExamWarmer warmer;
  @Inject ExamRoster roster;
  @Inject DirectoryCache directory;

  @BeforeEach
  void now() {
    TestClockProducer.CLOCK.set(Instant.now());
  }

  private static void importCode(String examId, String roll, String code) {
    given()
        .auth()
        .oauth2(adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("candidates", List.of(Map.of("rollNumber", roll, "accessCode", code))))
        .post("/api/v1/admin/exams/" + examId + "/candidates")
        .then()
        .statusCode(200);
  }

  private static ValidatableResponse warm(String examId, String token) {
    return given().auth().oauth2(token).post("/api/v1/admin/exams/" + examId + "/warm").then();
  }

  /** Changes a candidate's access-code hash behind exam-session's back, in Spanner only. */
  private static void scrambleCredentialInSpanner(Fixture.Exam exam, String roll) {
    String candidateId =
        ExamSessionTestResource.database
            .client()
            .singleUse()
            .readRowUsingIndex(
                "Candidates",
                "CandidatesByRollNumber",
                com.google.cloud.spanner.Key.of(roll),
                List.of("CandidateId"))
            .getString("CandidateId");
    ExamSessionTestResource.database
        .client()
        .write(
            List.of(
                Mutation.newUpdateBuilder("Candidates")
                    .set("CandidateId")
                    .to(candidateId)
                    .set("CredentialHash")
                    .to("v1$not$thesame")
                    .build()));
  }

  private static boolean inRedis(String key) {
    try (RedisClient redis = RedisClient.create(ExamSessionTestResource.redis.url())) {
      return redis.exists(key);
    }
  }

  @Test
  void beforeTheReleaseLoginsAndSessionsAreServedFromRedis() {
    Fixture.Exam exam = Fixture.exam(20, 3600, 30);
    warm(exam.examId(), adminToken())
        .statusCode(200)
        .body("candidates", equalTo(20))
        .body("sessions", equalTo(20))
        .body("released", equalTo(false));
    String roll = exam.rolls().get(3);
    String sessionId = login(roll, roll + "-code").statusCode(200).extract().path("sessionId");
    assertThat(inRedis("es:{" + sessionId + "}")).as("the session was staged").isTrue();
    // Spanner no longer matches the staged entry: a login that still succeeds was served by Redis.
    scrambleCredentialInSpanner(exam, roll);
    String token = login(roll);
    state(token)
        .then()
        .statusCode(200)
        .body("status", equalTo("WAITING"))
        .body("answers", hasSize(0));
  }

  @Test
  void anImportReplacesTheStagedEntryAtOnce() {
    Fixture.Exam exam = Fixture.exam(3, 3600, 30);
    warm(exam.examId(), adminToken()).statusCode(200);
    String roll = exam.rolls().get(0);
    login(roll); // served from the staged entry
    importCode(exam.examId(), roll, "a-new-code-123");
    for (int attempt = 0; attempt < 2; attempt++) { // the second after the first one's fill
      login(roll, roll + "-code").statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
      login(roll, "a-new-code-123").statusCode(200);
    }
  }

  @Test
  void aFillReadBeforeAnImportCannotPutTheOldCodeBack() {
    Fixture.Exam exam = Fixture.exam(2, 3600, 30);
    String roll = exam.rolls().get(1);
    ExamRoster.Snapshot before = roster.snapshot(exam.examId());
    Map<String, CandidateDirectory.Candidate> old = new HashMap<>();
    roster.candidates(
        before, 10, page -> page.forEach(r -> old.put(r.rollNumber(), r.candidate())));
    importCode(exam.examId(), roll, "a-new-code-456");
    directory.putAll(old, before.readAt()); // a slow warm-up landing after the import
    login(roll, roll + "-code").statusCode(401);
    login(roll, "a-new-code-456").statusCode(200);
    warm(exam.examId(), adminToken()).statusCode(200); // read after the import: replaces it
    scrambleCredentialInSpanner(exam, roll);
    login(roll, "a-new-code-456").statusCode(200);
  }

  @Test
  void afterTheReleaseOnlyLoginsAreStagedAndAnswersStillShow() {
    Fixture.Exam exam = Fixture.exam(4, 3600, 30);
    release(exam.examId());
    warm(exam.examId(), adminToken())
        .statusCode(200)
        .body("candidates", equalTo(4))
        .body("sessions", equalTo(0))
        .body("released", equalTo(true));
    String token = login(exam.rolls().get(1));
    save(token, "q2", 1, "an answer after the release").then().statusCode(200);
    state(token)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("answers[0].value", equalTo("an answer after the release"));
  }

  @Test
  void badWarmRequestsGetClearErrors() {
    warm("no-such-exam", adminToken()).statusCode(404).body("code", equalTo("UNKNOWN_EXAM"));
    Fixture.Exam exam = Fixture.exam(1, 3600, 30);
    warm(exam.examId(), proctorToken()).statusCode(403);
    given().post("/api/v1/admin/exams/" + exam.examId() + "/warm").then().statusCode(401);
  }

  @Test
  void theScheduledWarmUpTakesExamsDueSoonOnceAndLeavesLaterOnes() {
    Fixture.Exam soon = Fixture.exam(5, 3600, 30, Instant.now().plus(Duration.ofMinutes(20)));
    Fixture.Exam later = Fixture.exam(5, 3600, 30, Instant.now().plus(Duration.ofHours(3)));
    List<String> first = warmer.warmDue().stream().map(WarmReport::examId).toList();
    assertThat(first).contains(soon.examId()).doesNotContain(later.examId());
    assertThat(warmer.warmDue().stream().map(WarmReport::examId))
        .as("claimed once")
        .doesNotContain(soon.examId());
    TestClockProducer.CLOCK.set(Instant.now().plus(Duration.ofHours(3)));
    assertThat(warmer.warmDue().stream().map(WarmReport::examId)).contains(later.examId());
  }
}
