package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.examday.common.token.Ed25519Keys;
import io.examday.common.token.SessionClaims;
import io.examday.common.token.SessionTokenSigner;
import io.examday.gateway.exam.ExamInfo;
import io.examday.gateway.exam.ReleaseRecord;
import io.examday.gateway.exam.UnknownExamException;
import io.examday.gateway.testing.TestCandidate;
import io.examday.gateway.testing.TestKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input on the dedicated socket port, the one production candidates use: each case closes the
 * offending socket with the code and reason of the contract (release-gateway/README.md) and counts
 * it once, while another candidate of the same exam on the same server stays connected and still
 * gets frames.
 */
class LiveServerBadInputTest {

  private static final String EXAM = "exam-bad-input";
  private static final String UNKNOWN_EXAM = "exam-nobody-made";
  private static final int MAX_FRAME_BYTES = 4096;
  private static final Duration AWAIT = Duration.ofSeconds(10);
  private static final String CLOSED = "examday.gateway.connections.closed";

  private final ExamSource exams =
      new ExamSource() {
        @Override
        public ExamInfo load(String examId) {
          if (UNKNOWN_EXAM.equals(examId)) {
            throw new UnknownExamException(examId);
          }
          return LiveFixtures.waitingExam(examId);
        }

        @Override
        public List<ReleaseRecord> releases(Collection<String> examIds) {
          return List.of();
        }
      };

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private TestKeys keys;
  private Vertx vertx;
  private Vertx clientVertx;
  private LiveGateway live;
  private LiveServer server;
  private TestCandidate bystander;

  @BeforeEach
  void start() {
    keys = TestKeys.create();
    vertx = LiveServer.newVertx(2);
    clientVertx = Vertx.vertx();
    live =
        new LiveGateway(
            vertx,
            LiveFixtures.settings(
                16 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)),
            keys.verifier(),
            exams,
            (examId, digest) -> {
              throw new AssertionError("no key may be read for an unreleased exam");
            },
            Clock.systemUTC(),
            new LiveMetrics(meters));
    server = LiveServer.start(vertx, live, "127.0.0.1", 0, MAX_FRAME_BYTES);
    bystander = helloed();
  }

  @AfterEach
  void stop() {
    server.close();
    clientVertx.close().toCompletionStage().toCompletableFuture().join();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  // ---------------------------------------------------------------- frames

  @Test
  void aFrameAtTheLimitIsTaken() {
    TestCandidate candidate = helloed();
    candidate.send(pong(MAX_FRAME_BYTES));
    candidate.send("{\"type\":\"answer\"}");
    // frames are handled in order: had the first been refused, the reason would be FRAME_TOO_LARGE
    assertClosedAlone(candidate, CloseReason.UNKNOWN_MESSAGE_TYPE);
  }

  @Test
  void aFrameOneByteOverTheLimitIsTooLarge() {
    TestCandidate bad = helloed();
    bad.send(pong(MAX_FRAME_BYTES + 1));
    assertClosedAlone(bad, CloseReason.FRAME_TOO_LARGE);
  }

  /**
   * A message sent as one frame, as browsers send it, gets the reason whatever its size: up to the
   * transport's cap (LiveServer.TRANSPORT_MAX_FRAME_BYTES) the gateway reads and refuses it; above,
   * Netty refuses it first and the gateway closes with the same code and reason. Counted once
   * either way, and only that connection ends.
   */
  @ParameterizedTest
  @ValueSource(
      ints = {
        4 * MAX_FRAME_BYTES + 1,
        LiveServer.TRANSPORT_MAX_FRAME_BYTES,
        LiveServer.TRANSPORT_MAX_FRAME_BYTES + 1
      })
  void aSingleFrameOverTheLimitIsTooLarge(int bytes) {
    OneFrameClient bad = oneFrameClient();
    bad.send(pong(bytes));
    await().atMost(AWAIT).until(bad.closed::isDone);
    assertThat(bad.socket.closeStatusCode()).isEqualTo(CloseReason.FRAME_TOO_LARGE.code());
    assertThat(bad.socket.closeReason()).isEqualTo(CloseReason.FRAME_TOO_LARGE.name());
    assertCountedOnce(CloseReason.FRAME_TOO_LARGE);
    assertBystanderUnaffected();
  }

  @Test
  void aFragmentedMessageIsTooLarge() {
    TestCandidate bad = helloed();
    bad.sendFragment("{\"type\":", false);
    assertClosedAlone(bad, CloseReason.FRAME_TOO_LARGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{not json", "", "null", "[\"pong\"]", "\"pong\"", "{\"kind\":\"pong\"}"})
  void aFrameThatIsNotAJsonObjectWithATypeIsMalformed(String frame) {
    TestCandidate bad = helloed();
    bad.send(frame);
    assertClosedAlone(bad, CloseReason.MALFORMED_FRAME);
  }

  @Test
  void aFrameOfAnotherTypeThanPongIsRefused() {
    TestCandidate bad = helloed();
    bad.send("{\"type\":\"answer\",\"questionId\":\"q1\",\"value\":\"B\"}");
    assertClosedAlone(bad, CloseReason.UNKNOWN_MESSAGE_TYPE);
  }

  @Test
  void aBinaryFrameIsRefused() {
    TestCandidate bad = helloed();
    bad.sendBinary("{\"type\":\"pong\"}".getBytes(StandardCharsets.UTF_8));
    assertClosedAlone(bad, CloseReason.BINARY_NOT_ACCEPTED);
  }

  // ---------------------------------------------------------------- tokens

  @Test
  void noTokenIsInvalid() {
    assertClosedAlone(connect(EXAM, null), CloseReason.TOKEN_INVALID);
  }

  @Test
  void aTokenSignedWithAnotherKeyIsInvalid() {
    String forged =
        TestKeys.create().sessionToken(UUID.randomUUID().toString(), EXAM, 0, Duration.ofHours(1));
    assertClosedAlone(connect(EXAM, forged), CloseReason.TOKEN_INVALID);
  }

  @Test
  void aTokenWhoseClaimsWereChangedIsInvalid() {
    String sessionId = UUID.randomUUID().toString();
    String[] signed = keys.sessionToken(sessionId, EXAM, 0, Duration.ofHours(1)).split("\\.");
    String[] moreTime = keys.sessionToken(sessionId, EXAM, 3600, Duration.ofHours(1)).split("\\.");
    String tampered = signed[0] + "." + moreTime[1] + "." + signed[2];
    assertClosedAlone(connect(EXAM, tampered), CloseReason.TOKEN_INVALID);
  }

  @Test
  void anUnsignedTokenWithAlgNoneIsInvalid() {
    String claims = token(EXAM).split("\\.")[1];
    String unsigned =
        part("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"local-1\"}") + "." + claims + ".";
    assertClosedAlone(connect(EXAM, unsigned), CloseReason.TOKEN_INVALID);
  }

  @Test
  void aTokenFromAnUnknownKeyIdIsInvalid() {
    String sessionId = UUID.randomUUID().toString();
    Instant now = Instant.now();
    String token =
        new SessionTokenSigner(
                Ed25519Keys.privateKeyFromPem(Ed25519Keys.read(keys.sessionPrivateKey)),
                "retired-key")
            .sign(
                new SessionClaims(
                    sessionId, "c-" + sessionId, EXAM, 0, now, now.plus(Duration.ofHours(1))));
    assertClosedAlone(connect(EXAM, token), CloseReason.TOKEN_INVALID);
  }

  @Test
  void anExpiredTokenIsExpired() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    String expired =
        keys.sessionToken(UUID.randomUUID().toString(), EXAM, 0, past, past.plusSeconds(60));
    assertClosedAlone(connect(EXAM, expired), CloseReason.TOKEN_EXPIRED);
  }

  @Test
  void anotherExamsTokenIsAMismatch() {
    assertClosedAlone(connect(EXAM, token("exam-next-door")), CloseReason.EXAM_MISMATCH);
  }

  @Test
  void anExamNobodyMadeIsUnknown() {
    assertClosedAlone(connect(UNKNOWN_EXAM, token(UNKNOWN_EXAM)), CloseReason.UNKNOWN_EXAM);
  }

  // ---------------------------------------------------------------- helpers

  private void assertClosedAlone(TestCandidate bad, CloseReason reason) {
    await().atMost(AWAIT).until(bad::closed);
    assertThat(bad.closeCode).isEqualTo(reason.code());
    assertThat(bad.closeReason).isEqualTo(reason.name());
    assertCountedOnce(reason);
    assertBystanderUnaffected();
  }

  private void assertCountedOnce(CloseReason reason) {
    assertThat(meters.counter(CLOSED, "reason", reason.name()).count())
        .as("sockets closed with %s", reason)
        .isEqualTo(1.0);
  }

  /** The other candidate is still connected, still registered, and gets a later broadcast. */
  private void assertBystanderUnaffected() {
    String message = "still there? " + UUID.randomUUID();
    live.broadcast(EXAM, message, Instant.now());
    await()
        .atMost(AWAIT)
        .until(
            () -> bystander.frames.stream().anyMatch(f -> message.equals(f.getString("message"))));
    assertThat(bystander.closed()).isFalse();
    await().atMost(AWAIT).until(() -> live.connected(EXAM) == 1);
  }

  private TestCandidate helloed() {
    TestCandidate candidate = connect(EXAM, token(EXAM));
    await().atMost(AWAIT).until(() -> candidate.frame("hello").isPresent());
    return candidate;
  }

  private TestCandidate connect(String examId, String token) {
    return TestCandidate.connect(server.port(), examId, token).join();
  }

  private String token(String examId) {
    return keys.sessionToken(UUID.randomUUID().toString(), examId, 0, Duration.ofHours(1));
  }

  /** A pong padded to exactly {@code bytes} bytes of UTF-8. */
  private static String pong(int bytes) {
    String head = "{\"type\":\"pong\",\"pad\":\"";
    String tail = "\"}";
    return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
  }

  private static String part(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A Vert.x client socket, which sends a message as one frame however large (the JDK client, like
   * TestCandidate, splits messages into 16 KiB frames, so a large message reaches the gateway as a
   * fragmented one). Registered with the gateway before it is returned.
   */
  private OneFrameClient oneFrameClient() {
    WebSocket socket =
        clientVertx
            .createWebSocketClient()
            .connect(
                new WebSocketConnectOptions()
                    .setHost("127.0.0.1")
                    .setPort(server.port())
                    .setURI("/v1/exams/" + EXAM + "/live")
                    .addHeader("Authorization", "Bearer " + token(EXAM)))
            .toCompletionStage()
            .toCompletableFuture()
            .join();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    socket.closeHandler(v -> closed.complete(null));
    socket.exceptionHandler(err -> {}); // the dropped connection's reset is the expected outcome
    await().atMost(AWAIT).until(() -> live.connected(EXAM) == 2);
    return new OneFrameClient(socket, closed);
  }

  private record OneFrameClient(WebSocket socket, CompletableFuture<Void> closed) {
    void send(String text) {
      socket.writeFrame(WebSocketFrame.textFrame(text, true));
    }
  }
}
