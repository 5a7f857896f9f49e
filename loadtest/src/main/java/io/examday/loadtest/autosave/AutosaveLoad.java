package io.examday.loadtest.autosave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Drives autosaves the way candidates' pages send them: one answer per request, each candidate with
 * at most one save in flight, {@code inFlight} candidates saving at once (closed loop), on one
 * Vert.x event loop so the generator itself stays cheap.
 */
final class AutosaveLoad {

  /**
   * An acknowledged save.
   *
   * @param sessionId the session
   * @param questionId the question
   * @param seq the sequence
   */
  record Ack(String sessionId, String questionId, long seq) {}

  private final Vertx vertx = BenchHttp.vertx();
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  final Recorder latency = new Recorder(3);
  final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
  final AtomicLong errors = new AtomicLong();

  /** Per candidate, the last sequence sent: sequences keep rising across runs. */
  private long[] seqs;

  final Map<Integer, String> firstErrors = new java.util.concurrent.ConcurrentHashMap<>();

  AutosaveLoad(String baseUrl, int connections) {
    this.http = BenchHttp.client(vertx, baseUrl, connections);
  }

  /** Saves for {@code seconds}, then waits for the saves in flight. */
  Future<Void> run(String[] tokens, String[] sessions, int inFlight, long seconds) {
    long stopAt = System.nanoTime() + seconds * 1_000_000_000L;
    if (seqs == null) {
      seqs = new long[tokens.length];
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger running = new AtomicInteger(inFlight);
    Promise<Void> done = Promise.promise();
    for (int w = 0; w < inFlight; w++) {
      saveLoop(tokens, sessions, seqs, next, stopAt, running, done);
    }
    return done.future();
  }

  private void saveLoop(
      String[] tokens,
      String[] sessions,
      long[] seqs,
      AtomicInteger next,
      long stopAt,
      AtomicInteger running,
      Promise<Void> done) {
    if (System.nanoTime() >= stopAt) {
      if (running.decrementAndGet() == 0) {
        done.tryComplete();
      }
      return;
    }
    int candidate = Math.floorMod(next.getAndIncrement(), tokens.length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String question = BenchExam.question(random.nextInt(BenchExam.QUESTIONS));
    long seq = ++seqs[candidate];
    String value = "answer " + seq + " " + "x".repeat(20 + random.nextInt(180));
    String body =
        "{\"answers\":[{\"questionId\":\""
            + question
            + "\",\"seq\":"
            + seq
            + ",\"value\":\""
            + value
            + "\"}]}";
    long start = System.nanoTime();
    send(HttpMethod.PUT, "/api/v1/session/answers", tokens[candidate], body)
        .onComplete(
            result -> {
              latency.recordValue((System.nanoTime() - start) / 1_000);
              if (result.succeeded()) {
                acks.add(new Ack(sessions[candidate], question, seq));
              } else {
                errors.incrementAndGet();
              }
              saveLoop(tokens, sessions, seqs, next, stopAt, running, done);
            });
  }

  private Future<JsonNode> send(HttpMethod method, String path, String token, String body) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(path);
    options.putHeader("Content-Type", "application/json");
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    return http.request(options)
        .compose(request -> request.send(Buffer.buffer(body)))
        .compose(
            response ->
                response
                    .body()
                    .compose(
                        payload -> {
                          if (response.statusCode() != 200) {
                            firstErrors.putIfAbsent(response.statusCode(), payload.toString());
                            return Future.failedFuture("HTTP " + response.statusCode());
                          }
                          try {
                            return Future.succeededFuture(json.readTree(payload.getBytes()));
                          } catch (java.io.IOException e) {
                            return Future.failedFuture(e);
                          }
                        }));
  }

  void close() {
    vertx.close();
  }
}
