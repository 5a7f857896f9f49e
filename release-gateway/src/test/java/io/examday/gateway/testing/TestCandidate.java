package io.examday.gateway.testing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A candidate's WebSocket in tests: records every frame and how the socket was closed. */
public final class TestCandidate {

  public final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  public volatile WebSocket socket;
  public volatile Short closeCode;
  public volatile String closeReason;

  public static Future<TestCandidate> connect(
      HttpClient client, int port, String examId, String token) {
    TestCandidate candidate = new TestCandidate();
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/v1/exams/" + examId + "/live");
    if (token != null) {
      options.addHeader("Authorization", "Bearer " + token);
    }
    return client
        .webSocket(options)
        .map(
            ws -> {
              candidate.socket = ws;
              try {
                ws.textMessageHandler(text -> candidate.frames.add(new JsonObject(text)));
                ws.closeHandler(v -> candidate.recordClose(ws));
              } catch (IllegalStateException alreadyClosed) {
                // The server may close right after the upgrade (a refused token), before this
                // callback runs: Vert.x then refuses new handlers, and the close is read here.
                candidate.recordClose(ws);
              }
              return candidate;
            });
  }

  private void recordClose(WebSocket ws) {
    closeReason = ws.closeReason();
    closeCode = ws.closeStatusCode();
  }

  public Optional<JsonObject> frame(String type) {
    return frames.stream().filter(f -> type.equals(f.getString("type"))).findFirst();
  }

  public boolean closed() {
    return closeCode != null;
  }
}
