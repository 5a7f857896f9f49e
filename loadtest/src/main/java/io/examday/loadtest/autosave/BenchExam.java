package io.examday.loadtest.autosave;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates the benchmark's exam and candidates through the admin API, and releases it. */
final class BenchExam {

  static final int QUESTIONS = 20;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String baseUrl;
  private final String adminToken;
  final String examId = "bench-" + UUID.randomUUID().toString().substring(0, 8);

  BenchExam(String baseUrl, String adminToken) {
    this.baseUrl = baseUrl;
    this.adminToken = adminToken;
  }

  static String question(int i) {
    return "q" + (i + 1);
  }

  static String roll(String examId, int i) {
    return examId + "-" + i;
  }

  static String code(int i) {
    return "code-" + i + "-bench";
  }

  void create(int candidates) throws IOException, InterruptedException {
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < QUESTIONS; i++) {
      questions.add(question(i));
    }
    send(
        "PUT",
        "/api/v1/admin/exams/" + examId,
        Map.of(
            "title",
            "Autosave benchmark",
            "scheduledStart",
            Instant.now().toString(),
            "durationSeconds",
            3 * 3600,
            "graceSeconds",
            60,
            "questionIds",
            questions));
    for (int from = 0; from < candidates; from += 1000) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(candidates, from + 1000); i++) {
        batch.add(
            Map.of("rollNumber", roll(examId, i), "accessCode", code(i), "extraTimeSeconds", 0));
      }
      send("POST", "/api/v1/admin/exams/" + examId + "/candidates", Map.of("candidates", batch));
    }
  }

  /**
   * Stages the exam's logins and sessions in Redis (exam-session's warm-up); returns its report.
   */
  String warm() throws IOException, InterruptedException {
    return send("POST", "/api/v1/admin/exams/" + examId + "/warm", Map.of());
  }

  /** The release as release-gateway records it; this benchmark measures exam-session alone. */
  void release(DatabaseClient db) {
    db.write(
        List.of(
            Mutation.newInsertBuilder("ExamReleases")
                .set("ExamId")
                .to(examId)
                .set("ReleasedAt")
                .to(Value.COMMIT_TIMESTAMP)
                .set("ReleasedBy")
                .to("autosave-benchmark")
                .set("Override")
                .to(true)
                .set("Reason")
                .to("benchmark")
                .build()));
  }

  private String send(String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
