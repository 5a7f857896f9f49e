package io.examday.session.it;

import static io.examday.session.support.Fixture.login;
import static io.examday.session.support.Fixture.release;
import static io.examday.session.support.Fixture.save;
import static io.examday.session.support.Fixture.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.session.hotstate.HotStateStore;
import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.examday.session.support.Metrics;
import io.examday.session.support.TestClockProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class AutosaveIT {

  @Inject HotStateStore hot;

  @BeforeEach
  void realTime() {
    TestClockProducer.CLOCK.set(Instant.now());
  }

  private String releasedCandidate() {
    Fixture.Exam exam = Fixture.exam(1, 3600, 30);
    release(exam.examId());
    return login(exam.rolls().get(0));
  }

  @Test
  void savedAnswerIsAcknowledgedWithItsCommitTimeAndResumes() {
    String token = releasedCandidate();
    String committedAt =
        save(token, "q1", 1, "B")
            .then()
            .statusCode(200)
            .body("acks[0].status", equalTo("SAVED"))
            .body("acks[0].committedAt", notNullValue())
            .extract()
            .path("acks[0].committedAt");
    state(token)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("answers", hasSize(1))
        .body("answers[0].value", equalTo("B"))
        .body("answers[0].committedAt", equalTo(committedAt));
  }

  @Test
  void retryOfTheSameSaveReturnsTheSameAcknowledgement() {
    String token = releasedCandidate();
    String first =
        save(token, "q2", 5, "text").then().statusCode(200).extract().path("acks[0].committedAt");
    String again =
        save(token, "q2", 5, "text").then().statusCode(200).extract().path("acks[0].committedAt");
    assertThat(again).isEqualTo(first);
  }

  @Test
  void olderSequenceNeverOverwritesNewerButAnAcknowledgedOldRetryIsFine() {
    String token = releasedCandidate();
    String firstAck =
        save(token, "q1", 1, "A").then().statusCode(200).extract().path("acks[0].committedAt");
    save(token, "q1", 2, "B").then().statusCode(200);
    // The response to seq 1 was lost; the client retries it after seq 2 was acknowledged.
    save(token, "q1", 1, "A").then().statusCode(200).body("acks[0].committedAt", equalTo(firstAck));
    // An older sequence that was never saved is stale.
    save(token, "q1", 0, "Z").then().statusCode(409).body("code", equalTo("STALE_SEQUENCE"));
    // Same sequence, different value: a client bug, refused.
    save(token, "q1", 2, "C").then().statusCode(409).body("code", equalTo("SEQUENCE_CONFLICT"));
    state(token).then().body("answers[0].seq", equalTo(2)).body("answers[0].value", equalTo("B"));
  }

  @Test
  void acknowledgedSavesSurviveRedisFlushall() {
    String token = releasedCandidate();
    save(token, "q1", 3, "kept").then().statusCode(200);
    save(token, "q4", 1, "also kept").then().statusCode(200);
    try (RedisClient redis = RedisClient.create(ExamSessionTestResource.redis.url())) {
      redis.flushAll();
    }
    state(token)
        .then()
        .statusCode(200)
        .body("answers", hasSize(2))
        .body("answers.find { it.questionId == 'q1' }.value", equalTo("kept"))
        .body("answers.find { it.questionId == 'q4' }.seq", equalTo(1));
    // Redis forgot the sequences: an old sequence is still refused, from Spanner's record.
    save(token, "q1", 2, "older").then().statusCode(409).body("code", equalTo("STALE_SEQUENCE"));
    save(token, "q1", 4, "newer").then().statusCode(200);
  }

  @Test
  void aSaveStraightAfterRedisLostEverythingIsJudgedAgainstSpanner() {
    String token = releasedCandidate();
    save(token, "q2", 3, "kept").then().statusCode(200);
    try (RedisClient redis = RedisClient.create(ExamSessionTestResource.redis.url())) {
      redis.flushAll();
      // No state read first: the save itself finds the session missing and rebuilds it.
      save(token, "q2", 2, "older").then().statusCode(409).body("code", equalTo("STALE_SEQUENCE"));
      redis.flushAll();
      save(token, "q2", 3, "kept").then().statusCode(200);
      save(token, "q2", 4, "newer").then().statusCode(200);
    }
    state(token)
        .then()
        .body("answers.find { it.questionId == 'q2' }.seq", equalTo(4))
        .body("answers.find { it.questionId == 'q2' }.value", equalTo("newer"));
  }

  @Test
  void aProctorChangeWhileRedisHoldsNothingOfTheSessionLeavesItToBeLoadedWhole() {
    String token = releasedCandidate();
    String sessionId = state(token).then().extract().path("sessionId");
    Instant deadline = Instant.parse(state(token).then().extract().path("deadline"));
    save(token, "q1", 3, "kept").then().statusCode(200);
    try (RedisClient redis = RedisClient.create(ExamSessionTestResource.redis.url())) {
      redis.flushAll();
      // the change is committed in Spanner and mirrored while Redis holds nothing of the session
      given()
          .auth()
          .oauth2(Fixture.proctorToken())
          .contentType(ContentType.JSON)
          .body(Map.of("seconds", 60, "reason", "late bus"))
          .post("/api/v1/proctor/sessions/" + sessionId + "/extra-time")
          .then()
          .statusCode(200);
      assertThat(redis.exists("es:{" + sessionId + "}")).isFalse();
    }
    // judged against Spanner's record, not against a session with no answers
    save(token, "q1", 2, "older").then().statusCode(409).body("code", equalTo("STALE_SEQUENCE"));
    save(token, "q1", 3, "other").then().statusCode(409).body("code", equalTo("SEQUENCE_CONFLICT"));
    state(token).then().body("answers.find { it.questionId == 'q1' }.value", equalTo("kept"));
    assertThat(Instant.parse(state(token).then().extract().path("deadline")))
        .isEqualTo(deadline.plusSeconds(60));
  }

  @Test
  void acknowledgedMeansInSpanner() {
    String token = releasedCandidate();
    String sessionId = state(token).then().extract().path("sessionId");
    save(token, "q3", 9, "durable").then().statusCode(200);
    try (ResultSet rows =
        spanner(
            "SELECT Value FROM AnswerEvents WHERE SessionId = @p AND QuestionId = 'q3'"
                + " AND ClientSeq = 9",
            sessionId)) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(0)).isEqualTo("durable");
    }
  }

  @Test
  void deadlineGraceAndAutoClose() {
    Fixture.Exam exam = Fixture.exam(1, 600, 30);
    release(exam.examId());
    String token = login(exam.rolls().get(0));
    save(token, "q1", 1, "before the deadline").then().statusCode(200);
    String deadline = state(token).then().extract().path("deadline");
    Instant deadlineAt = Instant.parse(deadline);
    assertThat(Duration.between(Instant.now(), deadlineAt))
        .isBetween(Duration.ofSeconds(590), Duration.ofSeconds(601));

    TestClockProducer.CLOCK.set(deadlineAt.plusSeconds(10));
    save(token, "q2", 1, "within grace").then().statusCode(200);

    TestClockProducer.CLOCK.set(deadlineAt.plusSeconds(31));
    save(token, "q3", 1, "too late")
        .then()
        .statusCode(409)
        .body("code", equalTo("DEADLINE_PASSED"));

    TestClockProducer.CLOCK.set(deadlineAt.plusSeconds(300));
    io.quarkus.arc.Arc.container()
        .instance(io.examday.session.closer.DeadlineCloser.class)
        .get()
        .closeOverdue();
    state(token)
        .then()
        .body("status", equalTo("SUBMITTED"))
        .body("submittedAt", equalTo(deadline))
        .body("answers", hasSize(2));
    save(token, "q3", 1, "after close")
        .then()
        .statusCode(409)
        .body("code", equalTo("SESSION_SUBMITTED"));
  }

  @Test
  void theCloserLeavesAnExamAloneUntilItsBaseEndAndThenClosesEachSessionAtItsOwnDeadline() {
    Fixture.Exam exam = Fixture.exam(2, 600, 30);
    release(exam.examId());
    String plain = login(exam.rolls().get(0));
    String extended = login(exam.rolls().get(1));
    grantExtraTime(extended, 600);
    Instant deadline = Instant.parse(state(plain).then().extract().path("deadline"));
    var closer = closer();

    TestClockProducer.CLOCK.set(deadline.plusSeconds(29));
    closer.closeOverdue();
    state(plain).then().body("status", equalTo("ACTIVE"));

    // past release + duration + grace: the exam's sessions are looked at, each against its own
    // deadline (the extended one has 600 s more)
    TestClockProducer.CLOCK.set(deadline.plusSeconds(31));
    closer.closeOverdue();
    state(plain)
        .then()
        .body("status", equalTo("SUBMITTED"))
        .body("submittedAt", equalTo(deadline.toString()));
    state(extended).then().body("status", equalTo("ACTIVE"));

    TestClockProducer.CLOCK.set(deadline.plusSeconds(631));
    closer.closeOverdue();
    state(extended)
        .then()
        .body("status", equalTo("SUBMITTED"))
        .body("submittedAt", equalTo(deadline.plusSeconds(600).toString()));
  }

  @Test
  void theCloserReadsAnExamsActiveSessionsPageByPageAndClosesEveryOverdueOne() {
    // 450 ACTIVE sessions: pages of 200, 200 and 50; one with extra time, found on whichever page
    Fixture.Exam exam = Fixture.exam(450, 600, 30);
    release(exam.examId());
    String extended = login(exam.rolls().get(0));
    grantExtraTime(extended, 600);
    Instant deadline =
        Instant.parse(state(login(exam.rolls().get(1))).then().extract().path("deadline"));

    TestClockProducer.CLOCK.set(deadline.plusSeconds(31));
    closer().closeOverdue();

    try (ResultSet rows =
        ExamSessionTestResource.database
            .client()
            .singleUse()
            .executeQuery(
                Statement.newBuilder(
                        "SELECT COUNTIF(Status = 'SUBMITTED' AND SubmitReason = 'DEADLINE'"
                            + " AND SubmittedAt = @deadline), COUNTIF(Status = 'ACTIVE')"
                            + " FROM Sessions WHERE ExamId = @exam")
                    .bind("exam")
                    .to(exam.examId())
                    .bind("deadline")
                    .to(
                        com.google.cloud.Timestamp.ofTimeSecondsAndNanos(
                            deadline.getEpochSecond(), deadline.getNano()))
                    .build())) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(0)).isEqualTo(449);
      assertThat(rows.getLong(1)).isEqualTo(1);
    }
    state(extended).then().body("status", equalTo("ACTIVE"));
  }

  @Test
  void aSubmitStartingOnASessionRedisHasJustLostIsNoCrash() {
    // found by `./examday rehearse --fault redis-flush@+60s`: a flush between the submit's
    // session read and its begin-submit script made the script's empty time a 500
    Instant proposed = Instant.parse("2026-01-01T10:00:00Z");
    HotStateStore.SubmitStart start = hot.beginSubmit("not-in-redis", proposed);
    assertThat(start.before()).isEmpty();
    assertThat(start.submittedAt()).isEqualTo(proposed);
  }

  @Test
  void submitIsFinalAndIdempotent() {
    String token = releasedCandidate();
    save(token, "q1", 1, "x").then().statusCode(200);
    String submittedAt =
        io.restassured.RestAssured.given()
            .auth()
            .oauth2(token)
            .post("/api/v1/session/submit")
            .then()
            .statusCode(200)
            .body("status", equalTo("SUBMITTED"))
            .extract()
            .path("submittedAt");
    io.restassured.RestAssured.given()
        .auth()
        .oauth2(token)
        .post("/api/v1/session/submit")
        .then()
        .statusCode(200)
        .body("submittedAt", equalTo(submittedAt));
    save(token, "q1", 2, "y").then().statusCode(409).body("code", equalTo("SESSION_SUBMITTED"));
    state(token).then().body("answers[0].value", equalTo("x"));
  }

  @Test
  void concurrentSubmitsRideInTheSharedCommitsAndAreRecordedInSpanner() throws Exception {
    Fixture.Exam exam = Fixture.exam(12, 3600, 30);
    release(exam.examId());
    List<String> tokens = exam.rolls().stream().map(Fixture::login).toList();
    double sharedBefore = sharedCommitRequests();
    try (ExecutorService pool = Executors.newFixedThreadPool(tokens.size())) {
      List<Future<Integer>> submits = new ArrayList<>();
      for (String token : tokens) {
        submits.add(
            pool.submit(
                () ->
                    io.restassured.RestAssured.given()
                        .auth()
                        .oauth2(token)
                        .post("/api/v1/session/submit")
                        .then()
                        .body("status", equalTo("SUBMITTED"))
                        .extract()
                        .statusCode()));
      }
      for (Future<Integer> submit : submits) {
        assertThat(submit.get(30, TimeUnit.SECONDS)).isEqualTo(200);
      }
    }
    assertThat(sharedCommitRequests() - sharedBefore)
        .as("every submit went through the group committer")
        .isGreaterThanOrEqualTo(tokens.size());
    try (ResultSet rows =
        spanner(
            "SELECT COUNT(*) FROM Sessions WHERE ExamId = @p AND Status = 'SUBMITTED'"
                + " AND SubmittedAt IS NOT NULL AND SubmitReason = 'CANDIDATE'",
            exam.examId())) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(0)).isEqualTo(tokens.size());
    }
  }

  /** A proctor grants the candidate (by its token) extra time, through the proctor API. */
  private static void grantExtraTime(String candidateToken, int seconds) {
    String sessionId = state(candidateToken).then().extract().path("sessionId");
    given()
        .auth()
        .oauth2(Fixture.proctorToken())
        .contentType(ContentType.JSON)
        .body(Map.of("seconds", seconds, "reason", "accommodation"))
        .post("/api/v1/proctor/sessions/" + sessionId + "/extra-time")
        .then()
        .statusCode(200);
  }

  private static io.examday.session.closer.DeadlineCloser closer() {
    return io.quarkus.arc.Arc.container()
        .instance(io.examday.session.closer.DeadlineCloser.class)
        .get();
  }

  /** A query straight to Spanner (the record), with its one parameter {@code @p}. */
  private static ResultSet spanner(String sql, String parameter) {
    return ExamSessionTestResource.database
        .client()
        .singleUse()
        .executeQuery(Statement.newBuilder(sql).bind("p").to(parameter).build());
  }

  @Test
  void everySpannerCommitIsTimed() {
    Fixture.Exam exam = Fixture.exam(1, 3600, 30);
    release(exam.examId());
    String token = login(exam.rolls().get(0));
    double before = Metrics.sum("examday_autosave_commit_seconds_count{outcome=\"committed\"");
    double timeBefore = Metrics.sum("examday_autosave_commit_seconds_sum{outcome=\"committed\"");
    save(token, "q1", 1, "timed").then().statusCode(200);
    assertThat(Metrics.sum("examday_autosave_commit_seconds_count{outcome=\"committed\""))
        .as("the save's commit is counted")
        .isGreaterThanOrEqualTo(before + 1);
    assertThat(Metrics.sum("examday_autosave_commit_seconds_sum{outcome=\"committed\""))
        .as("and its time is recorded")
        .isGreaterThan(timeBefore);
  }

  /** Requests (saves and submits) that shared Spanner commits so far, from the metrics. */
  private static double sharedCommitRequests() {
    return Metrics.sum("examday_autosave_commit_batch_saves_sum");
  }

  @Test
  void savesBeforeReleaseAreRefused() {
    Fixture.Exam exam = Fixture.exam(1, 3600, 30);
    String token = login(exam.rolls().get(0));
    state(token).then().statusCode(200).body("status", equalTo("WAITING"));
    save(token, "q1", 1, "early").then().statusCode(409).body("code", equalTo("EXAM_NOT_STARTED"));
  }
}
