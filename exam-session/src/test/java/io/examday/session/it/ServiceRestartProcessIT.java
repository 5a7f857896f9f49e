package io.examday.session.it;

import static io.examday.session.support.Fixture.login;
import static io.examday.session.support.Fixture.release;
import static io.examday.session.support.Fixture.save;
import static io.examday.session.support.Fixture.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The packaged service, killed with SIGKILL (no shutdown hook, nothing flushed) and started again
 * on an emptied Redis: every acknowledged answer is still there, read back from Spanner, and the
 * rules that depend on what was acknowledged (idempotent retries, no older sequence wins) hold
 * across the restart. Also what only the packaged service shows: it serves the OpenAPI document and
 * no Swagger UI (Quarkus includes that only in dev and test builds). Runs after {@code package}
 * (failsafe), against the same real Redis and Spanner emulator as the other tests.
 */
class ServiceRestartProcessIT {

  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final ExamSessionTestResource INFRA = new ExamSessionTestResource();
  private static Map<String, String> config;
  private static int port;
  private Process service;

  @BeforeAll
  static void infrastructure() throws IOException {
    assertThat(JAR).as("the packaged service (mvn package)").exists();
    config = INFRA.start();
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RestAssured.port = port;
  }

  @AfterAll
  static void stopInfrastructure() {
    INFRA.stop();
    RestAssured.reset();
  }

  @AfterEach
  void killService() throws InterruptedException {
    if (service != null) {
      service.destroyForcibly().waitFor();
    }
  }

  @Test
  void acknowledgedAnswersSurviveAKilledServiceAndALostRedis() throws Exception {
    service = launch("first");
    Fixture.Exam exam = Fixture.exam(1, 3600, 30);
    release(exam.examId());
    String token = login(exam.rolls().get(0));
    save(token, "q1", 1, "draft").then().statusCode(200);
    String acknowledgedAt =
        save(token, "q1", 2, "acknowledged before the crash")
            .then()
            .statusCode(200)
            .body("acks[0].status", equalTo("SAVED"))
            .extract()
            .path("acks[0].committedAt");
    save(token, "q2", 7, "second question").then().statusCode(200);

    service.destroyForcibly().waitFor();
    try (RedisClient redis =
        RedisClient.create("127.0.0.1", ExamSessionTestResource.redis.port())) {
      redis.flushAll();
    }
    service = launch("second");

    state(token)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("answers.find { it.questionId == 'q1' }.seq", equalTo(2))
        .body(
            "answers.find { it.questionId == 'q1' }.value",
            equalTo("acknowledged before the crash"))
        .body("answers.find { it.questionId == 'q2' }.value", equalTo("second question"));
    save(token, "q1", 2, "acknowledged before the crash")
        .then()
        .statusCode(200)
        .body("acks[0].committedAt", equalTo(acknowledgedAt));
    save(token, "q1", 1, "an older edit arriving late")
        .then()
        .statusCode(409)
        .body("code", equalTo("STALE_SEQUENCE"));
    save(token, "q1", 2, "same sequence, other value")
        .then()
        .statusCode(409)
        .body("code", equalTo("SEQUENCE_CONFLICT"));
    state(token)
        .then()
        .body(
            "answers.find { it.questionId == 'q1' }.value",
            equalTo("acknowledged before the crash"));
  }

  /** What `./examday up` prints for the packaged service: the spec is there, a UI is not. */
  @Test
  void packagedServiceServesOpenApiButNoSwaggerUi() throws Exception {
    service = launch("openapi");
    RestAssured.given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/v1/session/answers'.put", notNullValue());
    RestAssured.get("/q/swagger-ui").then().statusCode(404);
  }

  private static Process launch(String name) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    config.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dexamday.login.pepper=restart-test-pepper");
    command.add("-Dquarkus.otel.sdk.disabled=true");
    command.add("-Dexamday.pubsub.enabled=false");
    // the packaged service sits its start-up exercise before it is ready: a small one here
    command.add("-Dexamday.startup-exercise.candidates=4");
    command.add("-Dexamday.startup-exercise.logins-per-candidate=2");
    command.add("-Dexamday.startup-exercise.saves-per-candidate=20");
    command.add("-jar");
    command.add(JAR.toString());
    Path log = Files.createTempFile("exam-session-" + name, ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitReady(process, log);
    return process;
  }

  private static void awaitReady(Process process, Path log)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("exam-session exited:\n" + Files.readString(log));
      }
      try {
        HttpURLConnection ready =
            (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + "/q/health/ready").toURL().openConnection();
        if (ready.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("exam-session not ready in 60 s:\n" + Files.readString(log));
  }
}
