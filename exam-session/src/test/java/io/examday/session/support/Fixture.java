package io.examday.session.support;

import static io.restassured.RestAssured.given;

import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;
import io.examday.common.dev.ProctorTokenMint;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Sets up exams and candidates through the admin API, and talks to the API as they would. */
public final class Fixture {

  public static final List<String> QUESTIONS = List.of("q1", "q2", "q3", "q4", "q5");

  private Fixture() {}

  public static String adminToken() {
    return token("admin@test", "exam-admin");
  }

  public static String proctorToken() {
    return token("proctor@test", "proctor");
  }

  public static String token(String subject, String group) {
    try {
      return ProctorTokenMint.mint(
          ExamSessionTestResource.idpKeys.getPrivate(), subject, List.of(group), true, 600);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A new exam with {@code candidates} candidates; returns their roll numbers (code =
   * roll+"-code").
   */
  public static Exam exam(int candidates, long durationSeconds, long graceSeconds) {
    return exam(candidates, durationSeconds, graceSeconds, Instant.now());
  }

  /** As {@link #exam(int, long, long)}, scheduled to start at {@code scheduledStart}. */
  public static Exam exam(
      int candidates, long durationSeconds, long graceSeconds, Instant scheduledStart) {
    String examId = "exam-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .auth()
        .oauth2(adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "title", "Test exam",
                "scheduledStart", scheduledStart.toString(),
                "durationSeconds", durationSeconds,
                "graceSeconds", graceSeconds,
                "questionIds", QUESTIONS))
        .put("/api/v1/admin/exams/" + examId)
        .then()
        .statusCode(200);
    List<String> rolls = IntStream.range(0, candidates).mapToObj(i -> examId + "-r" + i).toList();
    for (int from = 0; from < rolls.size(); from += 1000) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (String roll : rolls.subList(from, Math.min(rolls.size(), from + 1000))) {
        batch.add(Map.of("rollNumber", roll, "accessCode", roll + "-code", "extraTimeSeconds", 0));
      }
      given()
          .auth()
          .oauth2(adminToken())
          .contentType(ContentType.JSON)
          .body(Map.of("candidates", batch))
          .post("/api/v1/admin/exams/" + examId + "/candidates")
          .then()
          .statusCode(200);
    }
    return new Exam(examId, rolls);
  }

  /** Releases the exam the way release-gateway records it (commit timestamp = start). */
  public static void release(String examId) {
    ExamSessionTestResource.database
        .client()
        .write(
            List.of(
                Mutation.newInsertBuilder("ExamReleases")
                    .set("ExamId")
                    .to(examId)
                    .set("ReleasedAt")
                    .to(Value.COMMIT_TIMESTAMP)
                    .set("ReleasedBy")
                    .to("test")
                    .set("Override")
                    .to(true)
                    .set("Reason")
                    .to("test")
                    .build()));
  }

  public static String login(String roll) {
    return login(roll, roll + "-code").statusCode(200).extract().path("token");
  }

  /** A login with any access code, answered as it is. */
  public static ValidatableResponse login(String roll, String accessCode) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("rollNumber", roll, "accessCode", accessCode))
        .post("/api/v1/login")
        .then();
  }

  /**
   * Saves like a candidate's page: a retryable answer (503, storage briefly unavailable) is sent
   * again, with growing back-off, with the same sequence and value.
   */
  public static Response saveRetrying(String token, String questionId, long seq, String value) {
    Response response = save(token, questionId, seq, value);
    for (int attempt = 1; attempt < 10 && response.statusCode() == 503; attempt++) {
      java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L * attempt);
      response = save(token, questionId, seq, value);
    }
    return response;
  }

  public static Response save(String token, String questionId, long seq, String value) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "answers", List.of(Map.of("questionId", questionId, "seq", seq, "value", value))))
        .put("/api/v1/session/answers");
  }

  /** The candidate's submit, answered as it is. */
  public static Response submit(String token) {
    return given().auth().oauth2(token).post("/api/v1/session/submit");
  }

  public static Response state(String token) {
    return given().auth().oauth2(token).get("/api/v1/session");
  }

  /**
   * An exam and its candidates' roll numbers.
   *
   * @param examId the exam
   * @param rolls roll numbers
   */
  public record Exam(String examId, List<String> rolls) {}
}
