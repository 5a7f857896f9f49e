package io.examday.session.it;

import static io.examday.session.support.Fixture.login;
import static io.examday.session.support.Fixture.release;
import static io.examday.session.support.Fixture.save;
import static io.examday.session.support.Fixture.saveRetrying;
import static io.examday.session.support.Fixture.state;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.examday.session.support.TestClockProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away mid-exam (a crash, a failover) and comes back empty: while it is away every
 * candidate request gets 503 STORAGE_UNAVAILABLE (retryable), never a 500 and never a "saved" that
 * Spanner does not hold, and readiness takes the pod out of service; once it is back the same
 * requests succeed and nothing acknowledged before was lost or rolled back.
 */
@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class RedisOutageIT {

  @AfterEach
  void redisIsBack() {
    ExamSessionTestResource.redis.startAgain(); // if the test failed while it was away
  }

  @Test
  void whileRedisIsAwayRequestsAreRefusedRetryablyAndNothingIsLost() {
    TestClockProducer.CLOCK.set(Instant.now());
    Fixture.Exam exam = Fixture.exam(2, 3600, 30);
    release(exam.examId());
    String token = login(exam.rolls().get(0));
    String other = exam.rolls().get(1);
    save(token, "q1", 1, "before").then().statusCode(200);
    state(token).then().statusCode(200); // the session and the exam are cached

    ExamSessionTestResource.redis.kill();

    save(token, "q1", 2, "during")
        .then()
        .statusCode(503)
        .body("code", equalTo("STORAGE_UNAVAILABLE"))
        .body("retryable", equalTo(true));
    save(token, "q2", 1, "during")
        .then()
        .statusCode(503)
        .body("code", equalTo("STORAGE_UNAVAILABLE"));
    state(token).then().statusCode(503).body("code", equalTo("STORAGE_UNAVAILABLE"));
    Fixture.login(other, other + "-code")
        .statusCode(503)
        .body("code", equalTo("STORAGE_UNAVAILABLE"));
    Fixture.submit(token).then().statusCode(503).body("code", equalTo("STORAGE_UNAVAILABLE"));
    given().get("/q/health/ready").then().statusCode(503);

    ExamSessionTestResource.redis.startAgain(); // empty, as after a failover without replication

    // probes repeat; each pooled connection to the old server fails once and is replaced
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);
    asThePageRetries(() -> state(token))
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("answers", hasSize(1))
        .body("answers[0].value", equalTo("before"));
    // the refused retries go through now, as the page sends them
    saveRetrying(token, "q1", 2, "during")
        .then()
        .statusCode(200)
        .body("acks[0].status", equalTo("SAVED"));
    saveRetrying(token, "q2", 1, "during").then().statusCode(200);
    save(token, "q1", 1, "changed").then().statusCode(409).body("code", equalTo("STALE_SEQUENCE"));
    asThePageRetries(() -> Fixture.login(other, other + "-code").extract().response())
        .then()
        .statusCode(200);
    asThePageRetries(() -> state(token))
        .then()
        .body("answers", hasSize(2))
        .body("answers.find { it.questionId == 'q1' }.seq", equalTo(2));
  }

  /** Sends again while the answer is a retryable 503, as the candidate page does. */
  private static Response asThePageRetries(Supplier<Response> request) {
    Response response = request.get();
    for (int attempt = 1; attempt < 10 && response.statusCode() == 503; attempt++) {
      LockSupport.parkNanos(Duration.ofMillis(200L * attempt).toNanos());
      response = request.get();
    }
    return response;
  }
}
