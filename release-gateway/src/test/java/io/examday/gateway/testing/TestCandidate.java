package io.examday.gateway.testing;

import io.vertx.core.Future;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
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

  /**
   * Opens a candidate socket. The handlers are in place before the handshake, so a frame or a close
   * the server sends right after the upgrade (the hello, a refused token) is never missed.
   */
  public static Future<TestCandidate> connect(
      WebSocketClient client, int port, String examId, String token) {
    TestCandidate candidate = new TestCandidate();
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/v1/exams/" + examId + "/live");
    if (token != null) {
      options.addHeader("Authorization", "Bearer " + token);
    }
    ClientWebSocket ws = client.webSocket();
    candidate.socket = ws;
    ws.textMessageHandler(text -> candidate.frames.add(new JsonObject(text)));
    ws.closeHandler(
        v -> {
          candidate.closeReason = ws.closeReason();
          candidate.closeCode = ws.closeStatusCode();
        });
    return ws.connect(options)
        .map(connected -> candidate)
        .recover(err -> closedDuringConnect(ws, candidate, err));
  }

  /**
   * Vert.x's {@code ClientWebSocket.connect} fails when the server closed the socket before it
   * could attach the handlers (a refused token is closed right after the upgrade): the socket and
   * its close status are there all the same, which is what such a test wants to see.
   */
  private static Future<TestCandidate> closedDuringConnect(
      ClientWebSocket ws, TestCandidate candidate, Throwable err) {
    if (err instanceof IllegalStateException) {
      try {
        if (ws.isClosed()) {
          candidate.closeReason = ws.closeReason();
          candidate.closeCode = ws.closeStatusCode();
          return Future.succeededFuture(candidate);
        }
      } catch (IllegalStateException notConnected) {
        // the handshake itself failed: report the original error
      }
    }
    return Future.failedFuture(err);
  }

  public Optional<JsonObject> frame(String type) {
    return frames.stream().filter(f -> type.equals(f.getString("type"))).findFirst();
  }

  public boolean closed() {
    return closeCode != null;
  }
}
