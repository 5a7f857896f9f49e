package io.examday.loadtest.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin calls the rehearsal makes before the herd arrives (docs/api.md, Admin). */
public final class AdminClient {

  /** exam-session accepts at most this many candidates per import call. */
  static final int CANDIDATES_PER_CALL = 1000;

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String sessionUrl;
  private final String gatewayUrl;
  private final ProctorTokens tokens;

  public AdminClient(String sessionUrl, String gatewayUrl, ProctorTokens tokens) {
    this.sessionUrl = sessionUrl;
    this.gatewayUrl = gatewayUrl;
    this.tokens = tokens;
  }

  public void putExam(
      String examId,
      Instant scheduledStart,
      int durationSeconds,
      int graceSeconds,
      List<String> questionIds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "Rehearsal " + examId);
    body.put("scheduledStart", scheduledStart.toString());
    body.put("durationSeconds", durationSeconds);
    body.put("graceSeconds", graceSeconds);
    body.put("questionIds", questionIds);
    send("PUT", sessionUrl + "/api/v1/admin/exams/" + examId, body);
  }

  public void importCandidates(String examId, String runId, int count) {
    for (int from = 0; from < count; from += CANDIDATES_PER_CALL) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + CANDIDATES_PER_CALL); i++) {
        batch.add(
            Map.of(
                "rollNumber", Credentials.rollNumber(runId, i),
                "accessCode", Credentials.accessCode(runId, i),
                "extraTimeSeconds", 0));
      }
      send(
          "POST",
          sessionUrl + "/api/v1/admin/exams/" + examId + "/candidates",
          Map.of("candidates", batch));
    }
  }

  /**
   * Asks exam-session to stage the exam's logins and sessions in Redis now (its scheduler does it
   * by itself 45 minutes before a start; a rehearsal starts sooner). Answers its report.
   */
  public JsonNode warm(String examId) {
    return send("POST", sessionUrl + "/api/v1/admin/exams/" + examId + "/warm", Map.of());
  }

  /** Uploads a generated paper to the gateway; answers its digest. */
  public String uploadPaper(String examId, List<String> questionIds) {
    List<Map<String, Object>> questions = new ArrayList<>();
    for (String id : questionIds) {
      questions.add(
          Map.of(
              "id",
              id,
              "text",
              "Rehearsal question " + id,
              "options",
              List.of("A", "B", "C", "D")));
    }
    Map<String, Object> paper = new LinkedHashMap<>();
    paper.put("examId", examId);
    paper.put("title", "Rehearsal paper");
    paper.put("questions", questions);
    JsonNode answer = send("POST", gatewayUrl + "/api/v1/admin/exams/" + examId + "/paper", paper);
    return answer.path("paperDigest").asText();
  }

  private JsonNode send(String method, String url, Object body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + tokens.admin())
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + url + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
