package io.examday.gateway.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.DatabaseId;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.Spanner;
import com.google.cloud.spanner.Struct;
import io.examday.common.spanner.SpannerConnector;
import io.examday.common.spanner.SpannerSettings;
import io.examday.common.testing.StallingProxy;
import io.examday.gateway.config.GatewayConfig;
import io.examday.gateway.testing.GatewayTestResource;
import io.examday.gateway.testing.TestCandidate;
import io.examday.gateway.testing.TestExams;
import io.examday.gateway.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spanner is partitioned away when the proctor releases: the release is refused with a retryable
 * 503 once the Spanner call's own time-out passes (2 s here, 10 s by default), not after the client
 * library's hour, and the candidates already connected stay connected. Once the partition heals,
 * the proctor's retry releases the exam exactly once and the candidates get the key.
 */
@QuarkusTest
@TestProfile(SpannerOutageIT.BehindAProxy.class)
@QuarkusTestResource(GatewayTestResource.class)
class SpannerOutageIT {

  private static final String PAPER = "{\"questions\":[{\"id\":\"q1\",\"text\":\"2 + 2?\"}]}";
  private static final Duration AWAIT = Duration.ofSeconds(15);

  /** The gateway reaches the emulator through a proxy the test can stall. */
  public static class BehindAProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("examday.gateway.spanner.timeout", "PT2S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(Proxy.class));
    }
  }

  /** Starts the proxy for this profile's run of the gateway. */
  public static class Proxy implements QuarkusTestResourceLifecycleManager {
    static StallingProxy proxy;

    @Override
    public Map<String, String> start() {
      proxy = StallingProxy.toEmulator("SPANNER_EMULATOR_HOST");
      return Map.of("examday.gateway.spanner.emulator-host", "127.0.0.1:" + proxy.port());
    }

    @Override
    public void stop() {
      if (proxy != null) {
        proxy.close();
      }
    }
  }

  @Inject Spanner spanner;
  @Inject GatewayConfig config;
  @Inject io.examday.gateway.wiring.LiveRoutes liveRoutes;

  @ConfigProperty(name = "examday.test.keys-dir")
  String keysDir;

  @AfterEach
  void partitionHealed() {
    Proxy.proxy.heal(); // if the test failed during the partition
  }

  @Test
  void aReleaseDuringAPartitionIsRefusedInTimeAndItsRetryReleasesOnce() {
    TestKeys keys = TestKeys.in(Path.of(keysDir));
    DatabaseClient db = spanner.getDatabaseClient(databaseId());
    String examId = TestExams.create(db, Instant.now().minusSeconds(5), Duration.ofHours(3));
    given()
        .auth()
        .oauth2(keys.proctorToken("admin-1", List.of("exam-admin"), true))
        .contentType(ContentType.JSON)
        .body(PAPER)
        .post("/api/v1/admin/exams/{e}/paper", examId)
        .then()
        .statusCode(200)
        .body("paperDigest", hasLength(64));
    TestCandidate candidate =
        TestCandidate.connect(
                liveRoutes.livePort(),
                examId,
                keys.sessionToken(UUID.randomUUID().toString(), examId, 0, Duration.ofHours(1)))
            .join();
    await().atMost(AWAIT).until(() -> candidate.frame("hello").isPresent());
    String proctor = keys.proctorToken("proctor-1", List.of("proctor"), true);

    Proxy.proxy.stall();

    long started = System.nanoTime();
    release(examId, proctor)
        .then()
        .statusCode(503)
        .body("code", equalTo("DEPENDENCY_UNAVAILABLE"))
        .body("message", containsString("exam database did not answer"))
        .body("retryable", equalTo(true));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("refused by the Spanner call's time-out, not left waiting on it")
        .isLessThan(Duration.ofSeconds(15));
    given().get("/q/health/ready").then().statusCode(503);
    assertThat(candidate.closed()).as("a connected candidate is not dropped").isFalse();
    assertThat(candidate.frame("release")).isEmpty();

    Proxy.proxy.heal();

    String releasedAt =
        release(examId, proctor)
            .then()
            .statusCode(200)
            .body("alreadyReleased", equalTo(false))
            .extract()
            .path("releasedAt");
    await().atMost(AWAIT).until(() -> candidate.frame("release").isPresent());
    assertThat(candidate.frame("release").orElseThrow().getString("releasedAt"))
        .isEqualTo(releasedAt);
    assertThat(releaseRow(examId)).as("recorded once, read past the proxy").isPresent();
    release(examId, proctor).then().statusCode(200).body("alreadyReleased", equalTo(true));
  }

  private DatabaseId databaseId() {
    return DatabaseId.of(
        config.spanner().project(), config.spanner().instance(), config.spanner().database());
  }

  /** The release row, read straight from the emulator with a client of its own. */
  private Optional<Struct> releaseRow(String examId) {
    SpannerSettings direct =
        new SpannerSettings(
            config.spanner().project(),
            config.spanner().instance(),
            config.spanner().database(),
            Optional.of(System.getenv("SPANNER_EMULATOR_HOST")));
    try (Spanner own = SpannerConnector.open(direct)) {
      return Optional.ofNullable(
          SpannerConnector.client(own, direct)
              .singleUse()
              .readRow("ExamReleases", Key.of(examId), List.of("ExamId", "ReleasedAt")));
    }
  }

  private static io.restassured.response.Response release(String examId, String token) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/proctor/exams/{e}/release", examId);
  }
}
