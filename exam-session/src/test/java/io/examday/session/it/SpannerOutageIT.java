package io.examday.session.it;

import static io.examday.session.support.Fixture.login;
import static io.examday.session.support.Fixture.release;
import static io.examday.session.support.Fixture.save;
import static io.examday.session.support.Fixture.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.common.testing.StallingProxy;
import io.examday.session.closer.DeadlineCloser;
import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.examday.session.support.Metrics;
import io.examday.session.support.TestClockProducer;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spanner becomes unreachable mid-exam (a network partition: requests go out, nothing comes back):
 * saves and submits are refused with 503 STORAGE_UNAVAILABLE once the Spanner call's own time-out
 * (2 s here, 10 s by default) passes, not after the client library's hour, and the group commit
 * does not stay stuck behind the lost commit; readiness takes the pod out. Once the partition
 * heals, the refused requests succeed as the page retries them and Spanner holds exactly what was
 * acknowledged.
 */
@QuarkusTest
@TestProfile(SpannerOutageIT.BehindAProxy.class)
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class SpannerOutageIT {

  /** The service reaches the emulator through a proxy the test can stall. */
  public static class BehindAProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("examday.spanner.timeout", "PT2S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(Proxy.class));
    }
  }

  /** Starts the proxy for this profile's run of the service. */
  public static class Proxy implements QuarkusTestResourceLifecycleManager {
    static StallingProxy proxy;

    @Override
    public Map<String, String> start() {
      proxy = StallingProxy.toEmulator("SPANNER_EMULATOR_HOST");
      return Map.of("examday.spanner.emulator-host", "127.0.0.1:" + proxy.port());
    }

    @Override
    public void stop() {
      if (proxy != null) {
        proxy.close();
      }
    }
  }

  @AfterEach
  void partitionHealed() {
    Proxy.proxy.heal(); // if the test failed during the partition
  }

  @Test
  void duringAPartitionRequestsAreRefusedInTimeAndAfterItTheirRetriesAreSaved() {
    TestClockProducer.CLOCK.set(Instant.now());
    Fixture.Exam exam = Fixture.exam(2, 3600, 30);
    release(exam.examId());
    String token = login(exam.rolls().get(0));
    String sessionId = state(token).then().statusCode(200).extract().path("sessionId");
    save(token, "q1", 1, "before").then().statusCode(200);

    Proxy.proxy.stall();

    long started = System.nanoTime();
    save(token, "q1", 2, "during")
        .then()
        .statusCode(503)
        .body("code", equalTo("STORAGE_UNAVAILABLE"))
        .body("retryable", equalTo(true))
        .body("message", containsString("retry the same request"));
    Duration refusedAfter = Duration.ofNanos(System.nanoTime() - started);
    assertThat(refusedAfter)
        .as("refused by the Spanner call's time-out, not by the request's own 20 s wait")
        .isLessThan(Duration.ofSeconds(15));
    // the flusher moved on: the next save gets its own answer, not a place behind the lost commit
    save(token, "q2", 1, "during").then().statusCode(503);
    started = System.nanoTime();
    state(token).then().statusCode(503).body("code", equalTo("STORAGE_UNAVAILABLE"));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("a streaming read gives up too")
        .isLessThan(Duration.ofSeconds(15));
    Fixture.submit(token).then().statusCode(503).body("code", equalTo("STORAGE_UNAVAILABLE"));
    given().get("/q/health/ready").then().statusCode(503);
    DeadlineCloser closer = Arc.container().instance(DeadlineCloser.class).get();
    double closerFailures = closerFailures();
    assertThat(closer.run()).as("the closer's run gives up without throwing").isFalse();
    // (the scheduled run, every 5 s, may fail in the partition too)
    assertThat(closerFailures()).isGreaterThanOrEqualTo(closerFailures + 1);

    Proxy.proxy.heal();

    given().get("/q/health/ready").then().statusCode(200);
    // a run may still meet a channel the partition broke; the next ones get through
    await().atMost(Duration.ofSeconds(20)).until(closer::run);
    // the page retries what it was told to retry, with the same sequence numbers
    save(token, "q1", 2, "during").then().statusCode(200).body("acks[0].status", equalTo("SAVED"));
    save(token, "q2", 1, "during").then().statusCode(200).body("acks[0].status", equalTo("SAVED"));
    save(token, "q1", 1, "before").then().statusCode(200); // an older retry is still fine
    state(token)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("answers", hasSize(2))
        .body("answers.find { it.questionId == 'q1' }.value", equalTo("during"))
        .body("answers.find { it.questionId == 'q1' }.seq", equalTo(2));
    assertThat(storedAnswers(sessionId))
        .containsExactlyInAnyOrder("q1/1/before", "q1/2/during", "q2/1/during");
  }

  private static double closerFailures() {
    return Metrics.sum("examday_closer_failures_total");
  }

  /** AnswerEvents of a session, read straight from the emulator (not through the proxy). */
  private static List<String> storedAnswers(String sessionId) {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs =
        ExamSessionTestResource.database
            .client()
            .singleUse()
            .executeQuery(
                Statement.newBuilder(
                        "SELECT QuestionId, ClientSeq, Value FROM AnswerEvents"
                            + " WHERE SessionId = @s")
                    .bind("s")
                    .to(sessionId)
                    .build())) {
      while (rs.next()) {
        rows.add(rs.getString(0) + "/" + rs.getLong(1) + "/" + rs.getString(2));
      }
    }
    return rows;
  }
}
