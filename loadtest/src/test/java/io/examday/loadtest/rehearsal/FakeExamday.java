package io.examday.loadtest.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Spanner;
import com.google.cloud.spanner.Value;
import io.examday.common.spanner.AnswerEventRows;
import io.examday.common.spanner.SessionRows;
import io.examday.common.spanner.SpannerConnector;
import io.examday.common.spanner.SpannerSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for exam-session and release-gateway that speaks just the parts of docs/api.md the
 * rehearsal uses, and writes every acknowledged answer to Spanner's {@code AnswerEvents} like the
 * real service. It exists to check the rehearsal machinery (simulation, ack log, verifier, summary)
 * independently of the services: {@code FakeExamday PORT_SESSION PORT_GATEWAY}. Not a model of the
 * services' performance.
 */
public final class FakeExamday {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DatabaseClient spanner;
  private final Map<String, String> accessCodes = new ConcurrentHashMap<>();
  private final Map<String, String> sessionsByToken = new ConcurrentHashMap<>();
  private final Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
  private volatile String releasedAt;

  private FakeExamday(DatabaseClient spanner) {
    this.spanner = spanner;
  }

  public static void main(String[] args) {
    SpannerSettings settings = SpannerSettings.fromEnvironment();
    Spanner client = SpannerConnector.open(settings);
    FakeExamday fake = new FakeExamday(SpannerConnector.client(client, settings));
    Vertx vertx = Vertx.vertx();
    for (String port : args) {
      // every address, as the services listen: each rehearsal shard comes from a loopback address
      // of its own (127.0.0.2, ...: RehearsalPlan.forShard), which a 127.0.0.1 listener refuses
      vertx
          .createHttpServer()
          .webSocketHandler(fake::live)
          .requestHandler(fake::rest)
          .listen(Integer.parseInt(port), "0.0.0.0")
          .toCompletionStage()
          .toCompletableFuture()
          .join();
    }
    System.err.println("fake examday listening on " + String.join(", ", args));
  }

  private void live(ServerWebSocket ws) {
    sockets.add(ws);
    ws.closeHandler(v -> sockets.remove(ws));
    ws.writeTextMessage(
        "{\"type\":\"hello\",\"serverTime\":\"" + Instant.now() + "\",\"state\":\"WAITING\"}");
    if (releasedAt != null) {
      ws.writeTextMessage(release());
    }
  }

  private String release() {
    return "{\"type\":\"release\",\"examId\":\"e\",\"releasedAt\":\""
        + releasedAt
        + "\",\"key\":\"a2V5\",\"paperDigest\":\"abc\"}";
  }

  private void rest(HttpServerRequest req) {
    req.body()
        .onSuccess(
            body -> {
              try {
                route(req, body.length() == 0 ? null : JSON.readTree(body.getBytes()));
              } catch (Exception e) {
                req.response().setStatusCode(500).end(String.valueOf(e));
              }
            });
  }

  private void route(HttpServerRequest req, JsonNode body) throws Exception {
    String path = req.path();
    String method = req.method().name();
    if (path.endsWith("/candidates")) {
      body.get("candidates")
          .forEach(
              c -> accessCodes.put(c.get("rollNumber").asText(), c.get("accessCode").asText()));
      ok(req, "{}");
    } else if (path.startsWith("/api/v1/admin/exams/") && path.endsWith("/paper")) {
      ok(req, "{\"paperDigest\":\"abc\",\"url\":\"/papers/abc\"}");
    } else if (path.startsWith("/api/v1/admin/exams/")) {
      ok(req, "{}");
    } else if (path.equals("/papers/abc")) {
      ok(req, "ciphertext");
    } else if (path.equals("/api/v1/login")) {
      login(req, body);
    } else if (path.endsWith("/release")) {
      release(req, path.split("/")[5]);
    } else if (path.endsWith("/sessions")) {
      ok(req, "{\"sessions\":[]}");
    } else if (path.equals("/api/v1/session") && method.equals("GET")) {
      ok(req, "{\"status\":\"ACTIVE\"}");
    } else if (path.equals("/api/v1/session/answers")) {
      save(req, body);
    } else if (path.equals("/api/v1/session/submit")) {
      ok(req, "{\"status\":\"SUBMITTED\"}");
    } else {
      req.response().setStatusCode(404).end("{\"code\":\"NOT_FOUND\"}");
    }
  }

  /** Records the release as the real gateway does, so a real exam-session sees it too. */
  private void release(HttpServerRequest req, String examId) {
    blocking(
        req,
        () -> {
          Instant at =
              spanner
                  .writeAtLeastOnce(
                      List.of(
                          Mutation.newInsertOrUpdateBuilder("ExamReleases")
                              .set("ExamId")
                              .to(examId)
                              .set("ReleasedAt")
                              .to(Value.COMMIT_TIMESTAMP)
                              .set("ReleasedBy")
                              .to("fake-gateway")
                              .set("Override")
                              .to(true)
                              .set("Reason")
                              .to("rehearsal against the fake gateway")
                              .build()))
                  .toSqlTimestamp()
                  .toInstant();
          releasedAt = at.toString();
          sockets.forEach(ws -> ws.writeTextMessage(release()));
          return "{\"releasedAt\":\"" + releasedAt + "\"}";
        });
  }

  private void login(HttpServerRequest req, JsonNode body) {
    String roll = body.get("rollNumber").asText();
    if (!body.get("accessCode").asText().equals(accessCodes.get(roll))) {
      req.response().setStatusCode(401).end("{\"code\":\"LOGIN_FAILED\"}");
      return;
    }
    String sessionId = UUID.randomUUID().toString();
    String token = UUID.randomUUID().toString();
    sessionsByToken.put(token, sessionId);
    blocking(
        req,
        () -> {
          spanner.writeAtLeastOnce(
              List.of(SessionRows.firstAttempt(sessionId, UUID.randomUUID().toString(), "fake")));
          return "{\"token\":\"" + token + "\",\"sessionId\":\"" + sessionId + "\"}";
        });
  }

  private void save(HttpServerRequest req, JsonNode body) {
    String auth = req.getHeader("Authorization");
    String sessionId =
        auth == null ? null : sessionsByToken.get(auth.substring("Bearer ".length()));
    if (sessionId == null) {
      req.response().setStatusCode(401).end("{\"code\":\"TOKEN_INVALID\"}");
      return;
    }
    blocking(
        req,
        () -> {
          List<Mutation> rows = new ArrayList<>();
          List<Map<String, Object>> acks = new ArrayList<>();
          for (JsonNode answer : body.get("answers")) {
            String value = answer.get("value").asText();
            rows.add(
                AnswerEventRows.blindWrite(
                    sessionId,
                    answer.get("questionId").asText(),
                    answer.get("seq").asLong(),
                    value));
            acks.add(
                Map.of(
                    "questionId", answer.get("questionId").asText(),
                    "seq", answer.get("seq").asLong(),
                    "status", "SAVED"));
          }
          spanner.writeAtLeastOnce(rows);
          return JSON.writeValueAsString(Map.of("acks", acks));
        });
  }

  private interface Work {
    String run() throws Exception;
  }

  private static void blocking(HttpServerRequest req, Work work) {
    Vertx.currentContext()
        .owner()
        .executeBlocking(work::run, false)
        .onSuccess(json -> ok(req, json))
        .onFailure(e -> req.response().setStatusCode(503).end(String.valueOf(e)));
  }

  private static void ok(HttpServerRequest req, String json) {
    req.response().putHeader("Content-Type", "application/json").end(json);
  }
}
