package io.examday.gateway.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A candidate's WebSocket in tests: records every frame and how the socket was closed.
 *
 * <p>It is the JDK's WebSocket client, not Vert.x's. The gateway writes {@code hello} right after
 * the upgrade, so the 101 response and that frame often arrive in one read; Vert.x 4.5.27's client
 * then sometimes loses the frame: in a stress run 3-4 of 225 connects never saw their hello,
 * although the bytes (101 and hello, one 282-byte read, in Netty's log) had reached the client and
 * later frames on the same socket arrived. The JDK client hands such bundled bytes to the
 * WebSocket, as browsers do, and its listener is in place before the handshake.
 */
public final class TestCandidate {

  /**
   * The listener runs on this client's threads, which carry this class's loader: Quarkus tests load
   * it (and Vert.x's JSON codec) in a class loader of their own.
   */
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .executor(
              Executors.newCachedThreadPool(
                  work -> {
                    Thread thread = new Thread(work, "test-candidate");
                    thread.setDaemon(true);
                    thread.setContextClassLoader(TestCandidate.class.getClassLoader());
                    return thread;
                  }))
          .build();

  public final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  public volatile Short closeCode;
  public volatile String closeReason;
  private volatile WebSocket socket;
  private volatile boolean paused;

  /** Opens a candidate socket; the token goes in the Authorization header when there is one. */
  public static CompletableFuture<TestCandidate> connect(int port, String examId, String token) {
    TestCandidate candidate = new TestCandidate();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder
        .buildAsync(
            URI.create("ws://127.0.0.1:" + port + "/v1/exams/" + examId + "/live"),
            candidate.new Listener())
        .thenApply(
            socket -> {
              candidate.socket = socket;
              return candidate;
            });
  }

  public Optional<JsonObject> frame(String type) {
    return frames.stream().filter(f -> type.equals(f.getString("type"))).findFirst();
  }

  public boolean closed() {
    return closeCode != null;
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** Sends one fragment of a text message; the message ends with the fragment marked last. */
  public void sendFragment(String text, boolean last) {
    socket.sendText(text, last).join();
  }

  public void sendBinary(byte[] data) {
    socket.sendBinary(ByteBuffer.wrap(data), true).join();
  }

  /** Stops reading: the kernel buffers, then the server's write queue for this socket, fill up. */
  public void pause() {
    paused = true;
  }

  private final class Listener implements WebSocket.Listener {

    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        frames.add(new JsonObject(text.toString()));
        text.setLength(0);
      }
      if (!paused) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeReason = reason;
      closeCode = (short) statusCode;
      return null;
    }
  }
}
