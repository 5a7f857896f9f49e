package io.examday.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.DatabaseId;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Spanner;
import com.google.cloud.spanner.Value;
import io.examday.gateway.config.GatewayConfig;
import io.examday.gateway.testing.GatewayTestResource;
import io.examday.gateway.testing.TestCandidate;
import io.examday.gateway.testing.TestExams;
import io.examday.gateway.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Quarkus app end to end: REST contract, errors, and the candidate socket's bad input. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class GatewayApiIT {

  private static final String PAPER =
      "{\"questions\":[{\"id\":\"q1\",\"text\":\"Capital of France?\"}]}";
  private static final Duration AWAIT = Duration.ofSeconds(15);

  @Inject Spanner spanner;
  @Inject GatewayConfig config;
  @Inject io.examday.gateway.wiring.LiveRoutes liveRoutes;

  @ConfigProperty(name = "examday.test.keys-dir")
  String keysDir;

  @TestHTTPResource("/")
  URL base;

  private TestKeys keys;
  private DatabaseClient db;

  @BeforeEach
  void setUp() {
    keys = TestKeys.in(Path.of(keysDir));
    db =
        spanner.getDatabaseClient(
            DatabaseId.of(
                config.spanner().project(),
                config.spanner().instance(),
                config.spanner().database()));
  }

  private String admin() {
    return keys.proctorToken("admin-1", List.of("exam-admin"), true);
  }

  private String proctor(boolean mfa) {
    return keys.proctorToken("proctor-1", List.of("proctor"), mfa);
  }

  private String exam(Instant start) {
    return TestExams.create(db, start, Duration.ofHours(3));
  }

  private String preparePaper(String examId) {
    return given()
        .auth()
        .oauth2(admin())
        .contentType(ContentType.JSON)
        .body(PAPER)
        .post("/api/v1/admin/exams/{e}/paper", examId)
        .then()
        .statusCode(200)
        .body("paperDigest", hasLength(64))
        .extract()
        .path("paperDigest");
  }

  /** Connects through the Quarkus HTTP port's route. */
  private TestCandidate connect(String examId, String token) {
    return TestCandidate.connect(base.getPort(), examId, token).join();
  }

  /** Connects through the dedicated candidate-socket server. */
  private TestCandidate connectLive(String examId, String token) {
    return TestCandidate.connect(liveRoutes.livePort(), examId, token).join();
  }

  private String token(String examId) {
    return keys.sessionToken(UUID.randomUUID().toString(), examId, 0, Duration.ofHours(1));
  }

  @Test
  void paperIsEncryptedContentAddressedAndImmutable() {
    String examId = exam(Instant.now().plusSeconds(3600));
    String digest = preparePaper(examId);
    byte[] file =
        given()
            .get("/papers/{d}", digest)
            .then()
            .statusCode(200)
            .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
            .header("ETag", equalTo("\"" + digest + "\""))
            .extract()
            .asByteArray();
    assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("Capital");
    assertThat(io.examday.gateway.paper.PaperStore.sha256(file)).isEqualTo(digest);
    given()
        .header("If-None-Match", "\"" + digest + "\"")
        .get("/papers/{d}", digest)
        .then()
        .statusCode(304);
    given()
        .get("/papers/{d}", "0".repeat(64))
        .then()
        .statusCode(404)
        .body("code", equalTo("UNKNOWN_PAPER"));
    given().get("/papers/{d}", "../etc/passwd").then().statusCode(404);
  }

  @Test
  void paperPreparationRejectsBadInputAndWrongRoles() {
    String examId = exam(Instant.now().plusSeconds(3600));
    given()
        .auth()
        .oauth2(admin())
        .contentType(ContentType.JSON)
        .body("[1,2")
        .post("/api/v1/admin/exams/{e}/paper", examId)
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_REQUEST"))
        .body("retryable", equalTo(false));
    // a shuffled paper whose questions the page cannot order is refused before it is encrypted
    given()
        .auth()
        .oauth2(admin())
        .contentType(ContentType.JSON)
        .body("{\"shuffle\":{\"questions\":true},\"questions\":[{\"id\":\"q1\"},{\"id\":\"q1\"}]}")
        .post("/api/v1/admin/exams/{e}/paper", examId)
        .then()
        .statusCode(422)
        .body("code", equalTo("INVALID_PAPER"))
        .body("message", containsString("used twice"))
        .body("retryable", equalTo(false));
    assertThat(db.singleUse().readRow("Papers", Key.of(examId), List.of("PaperDigest"))).isNull();
    given()
        .auth()
        .oauth2(admin())
        .contentType(ContentType.JSON)
        .body(PAPER)
        .post("/api/v1/admin/exams/{e}/paper", "no-such-exam")
        .then()
        .statusCode(404)
        .body("code", equalTo("UNKNOWN_EXAM"));
    given()
        .auth()
        .oauth2(proctor(true))
        .contentType(ContentType.JSON)
        .body(PAPER)
        .post("/api/v1/admin/exams/{e}/paper", examId)
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN"));
    given()
        .contentType(ContentType.JSON)
        .body(PAPER)
        .post("/api/v1/admin/exams/{e}/paper", examId)
        .then()
        .statusCode(401)
        .body("code", equalTo("UNAUTHENTICATED"));
  }

  @Test
  void releaseRefusesWhatItMust() {
    String future = exam(Instant.now().plusSeconds(3600));
    preparePaper(future);
    release(future, proctor(true), "{\"override\":false}")
        .then()
        .statusCode(409)
        .body("code", equalTo("TOO_EARLY"));
    release(future, proctor(true), "{\"override\":true,\"reason\":\"  \"}")
        .then()
        .statusCode(400)
        .body("code", equalTo("OVERRIDE_REASON_REQUIRED"));
    release(future, proctor(false), "{\"override\":false}")
        .then()
        .statusCode(403)
        .body("code", equalTo("MFA_REQUIRED"));
    release("no-such-exam", proctor(true), "{\"override\":false}")
        .then()
        .statusCode(404)
        .body("code", equalTo("UNKNOWN_EXAM"));
    release(future, proctor(true), "{\"override\":")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_REQUEST"));
    release(future, admin(), "{\"override\":false}")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN"));

    String noPaper = exam(Instant.now().minusSeconds(60));
    release(noPaper, proctor(true), "{}")
        .then()
        .statusCode(409)
        .body("code", equalTo("PAPER_NOT_PREPARED"));

    String keyless = exam(Instant.now().minusSeconds(60));
    db.write(
        List.of(
            Mutation.newInsertBuilder("Papers")
                .set("ExamId")
                .to(keyless)
                .set("PaperDigest")
                .to("f".repeat(64))
                .set("VaultPath")
                .to("secret/examday/papers/" + keyless + "/" + "f".repeat(64))
                .set("CiphertextBytes")
                .to(10L)
                .set("PreparedBy")
                .to("admin-1")
                .set("PreparedAt")
                .to(Value.COMMIT_TIMESTAMP)
                .build()));
    release(keyless, proctor(true), "{}")
        .then()
        .statusCode(409)
        .body("code", equalTo("PAPER_KEY_MISSING"));
  }

  @Test
  void releaseReachesConnectedCandidatesOnceAndIsIdempotent() {
    String examId = exam(Instant.now().plusSeconds(3600));
    String digest = preparePaper(examId);
    TestCandidate candidate = connectLive(examId, token(examId));
    TestCandidate viaMainPort = connect(examId, token(examId));
    await().atMost(AWAIT).until(() -> candidate.frame("hello").isPresent());
    assertThat(candidate.frame("hello").orElseThrow().getString("paperDigest")).isEqualTo(digest);

    String releasedAt =
        release(examId, proctor(true), "{\"override\":true,\"reason\":\"centre ready early\"}")
            .then()
            .statusCode(200)
            .body("alreadyReleased", equalTo(false))
            .body("override", equalTo(true))
            .body("releasedBy", equalTo("proctor-1"))
            .extract()
            .path("releasedAt");
    await()
        .atMost(AWAIT)
        .until(
            () ->
                candidate.frame("release").isPresent() && viaMainPort.frame("release").isPresent());
    assertThat(candidate.frame("release").orElseThrow().getString("releasedAt"))
        .isEqualTo(releasedAt);
    release(examId, proctor(true), "{}")
        .then()
        .statusCode(200)
        .body("alreadyReleased", equalTo(true))
        .body("releasedAt", equalTo(releasedAt));
    given()
        .auth()
        .oauth2(admin())
        .contentType(ContentType.JSON)
        .body(PAPER)
        .post("/api/v1/admin/exams/{e}/paper", examId)
        .then()
        .statusCode(409)
        .body("code", equalTo("ALREADY_RELEASED"));

    given()
        .auth()
        .oauth2(proctor(true))
        .contentType(ContentType.JSON)
        .body("{\"message\":\"Please start.\"}")
        .post("/api/v1/proctor/exams/{e}/broadcast", examId)
        .then()
        .statusCode(200)
        .body("published", equalTo(true));
    await().atMost(AWAIT).until(() -> candidate.frame("broadcast").isPresent());
    given()
        .auth()
        .oauth2(proctor(true))
        .contentType(ContentType.JSON)
        .body("{\"message\":\"\"}")
        .post("/api/v1/proctor/exams/{e}/broadcast", examId)
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_REQUEST"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("examday_gateway_connected_candidates"))
        .body(containsString("examday_gateway_release_fanout_seconds"));
  }

  @Test
  void badSocketInputClosesOnlyThatSocketWithAReason() {
    String examId = exam(Instant.now().plusSeconds(3600));
    TestCandidate good = connect(examId, token(examId));
    await().atMost(AWAIT).until(() -> good.frame("hello").isPresent());

    assertClosed(connect(examId, null), 4401, "TOKEN_INVALID");
    assertClosed(connect(examId, "not.a.token"), 4401, "TOKEN_INVALID");
    Instant past = Instant.now().minus(Duration.ofHours(2));
    assertClosed(
        connect(examId, keys.sessionToken("s", examId, 0, past, past.plusSeconds(60))),
        4401,
        "TOKEN_EXPIRED");
    assertClosed(connect(examId, token("another-exam")), 4403, "EXAM_MISMATCH");
    assertClosed(connect("ghost-exam", token("ghost-exam")), 4404, "UNKNOWN_EXAM");

    TestCandidate lean = connectLive(examId, null);
    assertClosed(lean, 4401, "TOKEN_INVALID");
    TestCandidate oversized = helloed(examId);
    oversized.send("{\"type\":\"pong\",\"pad\":\"" + "x".repeat(10_000) + "\"}");
    assertClosed(oversized, 1009, "FRAME_TOO_LARGE");
    TestCandidate malformed = helloed(examId);
    malformed.send("{not json");
    assertClosed(malformed, 4400, "MALFORMED_FRAME");
    TestCandidate unknown = helloed(examId);
    unknown.send("{\"type\":\"answer\"}");
    assertClosed(unknown, 4422, "UNKNOWN_MESSAGE_TYPE");
    TestCandidate binary = helloed(examId);
    binary.sendBinary(new byte[] {1, 2, 3});
    assertClosed(binary, 1003, "BINARY_NOT_ACCEPTED");

    good.send("{\"type\":\"pong\"}");
    given()
        .auth()
        .oauth2(proctor(true))
        .contentType(ContentType.JSON)
        .body("{\"message\":\"still there?\"}")
        .post("/api/v1/proctor/exams/{e}/broadcast", examId)
        .then()
        .statusCode(200);
    await().atMost(AWAIT).until(() -> good.frame("broadcast").isPresent());
    assertThat(good.closed()).isFalse();
  }

  private TestCandidate helloed(String examId) {
    TestCandidate candidate = connect(examId, token(examId));
    await().atMost(AWAIT).until(() -> candidate.frame("hello").isPresent());
    return candidate;
  }

  private static void assertClosed(TestCandidate candidate, int code, String reason) {
    await().atMost(AWAIT).until(candidate::closed);
    assertThat(candidate.closeCode).isEqualTo((short) code);
    assertThat(candidate.closeReason).isEqualTo(reason);
    assertThat(candidate.frame("release")).isEmpty();
  }

  private static io.restassured.response.Response release(
      String examId, String token, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/proctor/exams/{e}/release", examId);
  }
}
