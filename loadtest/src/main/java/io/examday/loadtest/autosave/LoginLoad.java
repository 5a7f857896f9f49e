package io.examday.loadtest.autosave;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * What a waiting candidate does at the start: log in, then read the session (server time, status,
 * deadline). {@code inFlight} candidates at once (closed loop), on one Vert.x event loop.
 */
final class LoginLoad implements AutoCloseable {

  private final Vertx vertx = BenchHttp.vertx();
  private final HttpClient http;
  final Recorder login = new Recorder(3);
  final Recorder session = new Recorder(3);
  final AtomicLong errors = new AtomicLong();
  final Map<Integer, String> firstErrors = new ConcurrentHashMap<>();

  LoginLoad(String baseUrl, int connections) {
    this.http = BenchHttp.client(vertx, baseUrl, connections);
  }

  /** Every candidate logs in and reads the session once; completes when all have. */
  Future<Void> run(List<String> rolls, List<String> codes, int inFlight) {
    return run(rolls, codes, inFlight, new String[rolls.size()], new String[rolls.size()]);
  }

  /** As {@link #run(List, List, int)}, keeping each candidate's token and session id. */
  Future<Void> run(
      List<String> rolls, List<String> codes, int inFlight, String[] tokens, String[] sessions) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger running = new AtomicInteger(inFlight);
    Promise<Void> all = Promise.promise();
    for (int w = 0; w < inFlight; w++) {
      candidate(rolls, codes, new Loop(next, running, all, tokens, sessions));
    }
    return all.future();
  }

  /** One closed loop's shared state: the next candidate, loops still running, and the results. */
  private record Loop(
      AtomicInteger next,
      AtomicInteger running,
      Promise<Void> all,
      String[] tokens,
      String[] sessions) {}

  private void candidate(List<String> rolls, List<String> codes, Loop loop) {
    AtomicInteger next = loop.next();
    AtomicInteger running = loop.running();
    Promise<Void> all = loop.all();
    int i = next.getAndIncrement();
    if (i >= rolls.size()) {
      if (running.decrementAndGet() == 0) {
        all.tryComplete();
      }
      return;
    }
    String body =
        "{\"rollNumber\":\"" + rolls.get(i) + "\",\"accessCode\":\"" + codes.get(i) + "\"}";
    long start = System.nanoTime();
    send(HttpMethod.POST, "/api/v1/login", null, body)
        .compose(
            token -> {
              login.recordValue((System.nanoTime() - start) / 1_000);
              loop.tokens()[i] = token.getString("token");
              loop.sessions()[i] = token.getString("sessionId");
              long read = System.nanoTime();
              return send(HttpMethod.GET, "/api/v1/session", token.getString("token"), null)
                  .onSuccess(state -> session.recordValue((System.nanoTime() - read) / 1_000));
            })
        .onComplete(
            result -> {
              if (result.failed()) {
                errors.incrementAndGet();
              }
              candidate(rolls, codes, loop);
            });
  }

  private Future<JsonObject> send(HttpMethod method, String path, String token, String body) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(path);
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    return http.request(options)
        .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
        .compose(response -> response.body().compose(payload -> answer(response, payload)));
  }

  private Future<JsonObject> answer(HttpClientResponse response, Buffer payload) {
    if (response.statusCode() != 200) {
      firstErrors.putIfAbsent(response.statusCode(), payload.toString());
      return Future.failedFuture("HTTP " + response.statusCode());
    }
    return Future.succeededFuture(payload.toJsonObject());
  }

  @Override
  public void close() {
    vertx.close();
  }
}
