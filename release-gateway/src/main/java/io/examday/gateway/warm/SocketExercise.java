package io.examday.gateway.warm;

import io.examday.common.token.Ed25519Keys;
import io.examday.common.token.SessionClaims;
import io.examday.common.token.SessionTokenSigner;
import io.examday.common.token.SessionTokenVerifier;
import io.examday.gateway.exam.ExamInfo;
import io.examday.gateway.exam.ReleaseRecord;
import io.examday.gateway.exam.UnknownExamException;
import io.examday.gateway.live.ExamSource;
import io.examday.gateway.live.KeySource;
import io.examday.gateway.live.LiveGateway;
import io.examday.gateway.live.LiveMetrics;
import io.examday.gateway.live.LiveServer;
import io.examday.gateway.live.LiveSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens candidate sockets to a throwaway live gateway in this process, as candidates open theirs in
 * the herd, so that the JIT has compiled the socket path (upgrade, token check, hello) before the
 * pod takes candidates. Without it a new gateway compiled that path during the herd itself: in a
 * 10,000-candidate rehearsal its C2 compiler threads took 11.7-14.5 of its 21-27 CPU-seconds
 * (docs/benchmarks.md, rehearsal).
 *
 * <p>The throwaway gateway is not the one candidates reach. It accepts only tokens signed with a
 * key pair made for this exercise, whose private key never leaves this object. It runs on a Vert.x
 * instance of its own: two servers of one instance that ask for a free port share it and deal
 * connections to each other (in a test the first version of this exercise sent half its sockets to
 * the real gateway that way). It listens on a free loopback port, serves one synthetic exam that is
 * not in Spanner (no session rows, no paper key), counts into a registry of its own, and is closed
 * when the exercise ends. The JIT's compiled code is the process's, so the real gateway's sockets
 * run it.
 */
public final class SocketExercise {

  /**
   * What the exercise did.
   *
   * @param sockets sockets asked for
   * @param hellos sockets that got their {@code hello}
   * @param port the throwaway server's port (closed once the exercise returns)
   * @param millis how long it took
   * @param firstFailure why the first socket without a hello failed, if one did
   */
  public record Report(
      int sockets, int hellos, int port, long millis, Optional<String> firstFailure) {}

  private static final String KEY_ID = "startup-exercise";
  private static final Duration PER_SOCKET_TIMEOUT = Duration.ofSeconds(10);

  private static final KeySource NO_KEYS =
      (examId, digest) -> {
        throw new IllegalStateException("the exercise's exam is never released");
      };

  private final int eventLoops;
  private final LiveSettings settings;
  private final Clock clock;

  /**
   * @param eventLoops event loops of the throwaway gateway's own Vert.x instance
   */
  public SocketExercise(int eventLoops, LiveSettings settings, Clock clock) {
    this.eventLoops = eventLoops;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Opens {@code sockets} sockets, at most {@code concurrency} at a time, each until its hello.
   *
   * @throws TimeoutException if they are not all done within {@code timeout}
   */
  public Report run(int sockets, int concurrency, Duration timeout)
      throws InterruptedException, TimeoutException {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    KeyPair keys = Ed25519Keys.generate();
    SessionTokenSigner signer = new SessionTokenSigner(keys.getPrivate(), KEY_ID);
    SessionTokenVerifier verifier =
        new SessionTokenVerifier(Map.of(KEY_ID, keys.getPublic()), clock, Duration.ZERO);
    String examId = "warmup-" + UUID.randomUUID().toString().substring(0, 8);
    Vertx vertx = LiveServer.newVertx(eventLoops);
    LiveGateway live =
        new LiveGateway(
            vertx,
            settings,
            verifier,
            new OneWaitingExam(examId, clock.instant()),
            NO_KEYS,
            clock,
            new LiveMetrics(new SimpleMeterRegistry()));
    AtomicInteger hellos = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    LiveServer server = null;
    int port;
    HttpClient http = HttpClient.newHttpClient();
    try {
      server = LiveServer.start(vertx, live, "127.0.0.1", 0, settings.maxFrameBytes());
      port = server.port();
      Semaphore slots = new Semaphore(concurrency);
      for (int i = 0; i < sockets; i++) {
        acquire(slots, 1, deadline);
        String token = signer.sign(claims(examId, i));
        open(http, port, examId, token)
            .whenComplete(
                (ignored, error) -> {
                  if (error == null) {
                    hellos.incrementAndGet();
                  } else {
                    firstFailure.compareAndSet(null, error.toString());
                  }
                  slots.release();
                });
      }
      acquire(slots, concurrency, deadline); // every socket done
    } finally {
      // not close(): it waits for every open socket, and after a time-out some may still wait
      http.shutdownNow();
      if (server != null) {
        server.close();
      }
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
    return new Report(
        sockets,
        hellos.get(),
        port,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        Optional.ofNullable(firstFailure.get()));
  }

  private SessionClaims claims(String examId, int i) {
    Instant now = clock.instant();
    return new SessionClaims(
        UUID.randomUUID().toString(),
        "warmup-candidate-" + i,
        examId,
        0,
        now,
        now.plus(Duration.ofMinutes(10)));
  }

  private static void acquire(Semaphore slots, int permits, long deadline)
      throws InterruptedException, TimeoutException {
    if (!slots.tryAcquire(permits, deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
      throw new TimeoutException("the socket exercise outlasted its time-out");
    }
  }

  /** One candidate socket, as the page opens it: done when its hello arrived and it is closing. */
  private static CompletableFuture<Void> open(
      HttpClient http, int port, String examId, String token) {
    CompletableFuture<Void> hello = new CompletableFuture<>();
    URI uri =
        URI.create(
            "ws://127.0.0.1:" + port + "/v1/exams/" + examId + "/live?access_token=" + token);
    return http.newWebSocketBuilder()
        .buildAsync(uri, new HelloListener(hello))
        .thenCompose(
            socket -> hello.thenCompose(h -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done")))
        .<Void>thenApply(socket -> null)
        .orTimeout(PER_SOCKET_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Completes its future at the first {@code hello}; fails it if the socket ends before. */
  private record HelloListener(CompletableFuture<Void> hello) implements WebSocket.Listener {

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      if (data.toString().contains("\"type\":\"hello\"")) {
        hello.complete(null);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      hello.completeExceptionally(
          new IllegalStateException("closed before hello: " + statusCode + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      hello.completeExceptionally(error);
    }
  }

  /** The exercise's one exam: an hour before its start, a paper prepared, never released. */
  private record OneWaitingExam(String examId, Instant now) implements ExamSource {

    @Override
    public ExamInfo load(String id) {
      if (!examId.equals(id)) {
        throw new UnknownExamException(id);
      }
      return new ExamInfo(
          examId,
          now.plus(Duration.ofHours(1)),
          Duration.ofHours(3),
          Optional.of("0".repeat(64)),
          Optional.empty());
    }

    @Override
    public List<ReleaseRecord> releases(Collection<String> examIds) {
      return List.of();
    }
  }
}
