package io.examday.loadtest.fanout;

import io.examday.common.token.Ed25519Keys;
import io.examday.common.token.SessionClaims;
import io.examday.common.token.SessionTokenSigner;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One JVM of the herd: opens {@code count} authenticated candidate sockets to one gateway from one
 * loopback source address, answers pings, and records the wall-clock time (epoch nanos) at which
 * each socket received the release with a key. Talks to {@link FanoutBench} over stdin/stdout:
 * prints {@code READY connected failed}, waits, and on {@code STOP} (or when every socket has the
 * release) writes one line per socket to the result file and prints {@code DONE}; its sockets stay
 * open until {@code EXIT}.
 *
 * <p>{@code HerdWorker HOST PORT SOURCE_ADDRESS EXAM_ID COUNT SESSION_KEY.pem KEY_ID RESULT_FILE
 * [EVENT_LOOPS]} (event loops default to 2)
 */
public final class HerdWorker {

  private static final byte[] RELEASE_PREFIX = ascii("{\"type\":\"release\"");
  private static final byte[] KEY_FIELD = ascii("\"key\":\"");
  private static final byte[] PING_PREFIX = ascii("{\"type\":\"ping\"");
  private static final String PONG = "{\"type\":\"pong\"}";
  private static final int MAX_HANDSHAKES_IN_FLIGHT = 200;

  private final long[] receivedAtNanos;
  private final AtomicInteger received = new AtomicInteger();
  private final CountDownLatch allReceived;
  private final CountDownLatch exitAllowed = new CountDownLatch(1);

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private HerdWorker(int count) {
    this.receivedAtNanos = new long[count];
    this.allReceived = new CountDownLatch(count);
  }

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String source = args[2];
    String examId = args[3];
    int count = Integer.parseInt(args[4]);
    SessionTokenSigner signer =
        new SessionTokenSigner(
            Ed25519Keys.privateKeyFromPem(Ed25519Keys.read(Path.of(args[5]))), args[6]);
    Path resultFile = Path.of(args[7]);
    int eventLoops = args.length > 8 ? Integer.parseInt(args[8]) : 2;

    // epoll where it loads: the herd shares the gateways' cores, so its reads should cost little.
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions().setEventLoopPoolSize(eventLoops).setPreferNativeTransport(true));
    if (!vertx.isNativeTransportEnabled()) {
      System.err.println(
          "herd worker: NIO, epoll unavailable: " + vertx.unavailableNativeTransportCause());
    }
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setLocalAddress(source)
                .setMaxWebSockets(count + 1)
                .setConnectTimeout(30_000)
                .setIdleTimeout(0));
    HerdWorker herd = new HerdWorker(count);
    int[] outcome = herd.connectAll(client, host, port, examId, count, signer);
    System.out.println("READY " + outcome[0] + " " + outcome[1]);
    System.out.flush();
    herd.listenToCoordinator();
    herd.allReceivedOrStop(outcome[0]);
    herd.write(resultFile);
    System.out.println("DONE " + herd.received.get());
    System.out.flush();
    // Candidates stay connected once they have the key: closing this worker's sockets now would
    // load the gateways with a close storm while other workers still wait for their frames.
    herd.exitAllowed.await(2, TimeUnit.MINUTES);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    System.exit(0);
  }

  /** Opens the sockets with at most {@value #MAX_HANDSHAKES_IN_FLIGHT} handshakes at a time. */
  private int[] connectAll(
      HttpClient client, String host, int port, String examId, int count, SessionTokenSigner signer)
      throws InterruptedException {
    AtomicInteger connected = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    java.util.concurrent.Semaphore inFlight =
        new java.util.concurrent.Semaphore(MAX_HANDSHAKES_IN_FLIGHT);
    CountDownLatch attempts = new CountDownLatch(count);
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      int index = i;
      String token =
          signer.sign(
              new SessionClaims(
                  UUID.randomUUID().toString(),
                  "bench-" + index,
                  examId,
                  0,
                  now.minusSeconds(5),
                  now.plus(Duration.ofHours(2))));
      inFlight.acquire();
      client
          .webSocket(
              new WebSocketConnectOptions()
                  .setHost(host)
                  .setPort(port)
                  .setURI("/v1/exams/" + examId + "/live")
                  .addHeader("Authorization", "Bearer " + token))
          .onComplete(
              result -> {
                inFlight.release();
                if (result.succeeded()) {
                  watch(result.result(), index);
                  connected.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                }
                attempts.countDown();
              });
    }
    attempts.await();
    return new int[] {connected.get(), failed.get()};
  }

  /**
   * Records the release with as little work as possible: the frame's bytes are matched against the
   * expected prefixes, never decoded into a String or parsed (100,000 of these run on the same two
   * cores as the gateways being measured). The key search runs on every frame (hello, pings), so
   * its code is compiled long before the release instead of during it.
   */
  private void watch(WebSocket socket, int index) {
    socket.handler(
        frame -> {
          if (contains(frame, KEY_FIELD) && startsWith(frame, RELEASE_PREFIX)) {
            if (receivedAtNanos[index] == 0) {
              Instant at = Instant.now();
              receivedAtNanos[index] = at.getEpochSecond() * 1_000_000_000L + at.getNano();
              received.incrementAndGet();
              allReceived.countDown();
            }
          } else if (startsWith(frame, PING_PREFIX)) {
            socket.writeTextMessage(PONG);
          }
        });
    socket.exceptionHandler(err -> {});
  }

  static boolean startsWith(Buffer frame, byte[] prefix) {
    if (frame.length() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (frame.getByte(i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean contains(Buffer frame, byte[] part) {
    outer:
    for (int start = 0; start <= frame.length() - part.length; start++) {
      for (int i = 0; i < part.length; i++) {
        if (frame.getByte(start + i) != part[i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Reads the coordinator's commands on stdin: {@code STOP} (stop waiting for releases), {@code
   * EXIT} (close the sockets and exit, once every worker is done). A closed stdin means both.
   */
  private void listenToCoordinator() {
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  switch (line.strip()) {
                    case "STOP" -> releaseAll();
                    case "EXIT" -> {
                      releaseAll();
                      exitAllowed.countDown();
                    }
                    default -> {}
                  }
                }
              } catch (IOException e) {
                // coordinator gone: stop and exit too
              }
              releaseAll();
              exitAllowed.countDown();
            });
  }

  private void releaseAll() {
    while (allReceived.getCount() > 0) {
      allReceived.countDown();
    }
  }

  /** Waits for every connected socket's release, or for STOP from the coordinator. */
  private void allReceivedOrStop(int connected) throws InterruptedException {
    for (long i = connected; i < receivedAtNanos.length; i++) {
      allReceived.countDown(); // sockets that never connected will never receive
    }
    allReceived.await();
  }

  private void write(Path file) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
      for (long nanos : receivedAtNanos) {
        out.println(nanos);
      }
    }
  }
}
