package io.examday.session.warm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One synthetic candidate's requests to this pod over loopback, the same requests a candidate's
 * page sends, so what runs is exactly what a candidate will run: HTTP, JSON, token checks, Redis,
 * the group commit. Counts the requests and those whose status was not the expected one.
 */
final class ExerciseClient {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http;
  private final URI base;
  private final ObjectMapper json;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger unexpected = new AtomicInteger();

  ExerciseClient(HttpClient http, URI base, ObjectMapper json) {
    this.http = http;
    this.base = base;
    this.json = json;
  }

  /** A logged-in synthetic candidate. */
  record Login(String token, String sessionId) {}

  /** Logs in; null (and counted) if the login was refused. */
  Login login(SyntheticExam.Candidate candidate) throws IOException, InterruptedException {
    JsonNode body =
        send(
            "POST",
            "/api/v1/login",
            null,
            Map.of("rollNumber", candidate.rollNumber(), "accessCode", candidate.accessCode()),
            200);
    return body == null
        ? null
        : new Login(body.path("token").asText(), body.path("sessionId").asText());
  }

  void readSession(Login login) throws IOException, InterruptedException {
    send("GET", "/api/v1/session", login.token(), null, 200);
  }

  /** Saves answers ({questionId, seq, value} each); {@code expected} is the status it must get. */
  void save(Login login, List<Map<String, Object>> answers, int expected)
      throws IOException, InterruptedException {
    send("PUT", "/api/v1/session/answers", login.token(), Map.of("answers", answers), expected);
  }

  void submit(Login login) throws IOException, InterruptedException {
    send("POST", "/api/v1/session/submit", login.token(), null, 200);
  }

  int requests() {
    return requests.get();
  }

  int unexpected() {
    return unexpected.get();
  }

  private JsonNode send(String method, String path, String token, Object body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    requests.incrementAndGet();
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != expected) {
      unexpected.incrementAndGet();
      return null;
    }
    return response.body().length == 0 ? null : json.readTree(response.body());
  }

  private byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
