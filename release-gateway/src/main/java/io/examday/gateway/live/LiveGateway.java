package io.examday.gateway.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.examday.common.token.SessionClaims;
import io.examday.common.token.SessionTokenVerifier;
import io.examday.common.token.TokenRejectedException;
import io.examday.gateway.exam.ExamInfo;
import io.examday.gateway.exam.ReleaseRecord;
import io.examday.gateway.exam.SessionRecord;
import io.examday.gateway.exam.UnknownExamException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The candidate WebSocket: a registry of connected candidates per exam and the pushes to them
 * (hello, release, deadline, warnings, broadcasts, heartbeats). Framework-free apart from Vert.x,
 * so a test can run two instances side by side. Every socket is served on its own event loop; a
 * push to an exam runs one loop per event loop ({@link Shard}) instead of a task per socket.
 */
public final class LiveGateway {

  private static final Logger LOG = Logger.getLogger(LiveGateway.class);
  private static final String BEARER = "Bearer ";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Sockets whose session rows one Spanner read fetches, and how long a batch may gather. */
  private static final int SESSION_READ_BATCH = 500;

  private static final Duration SESSION_READ_LINGER = Duration.ofMillis(20);

  /** How long past its scheduled start an unreleased exam is still watched closely. */
  private static final Duration LATE_RELEASE_WATCH = Duration.ofHours(1);

  private final Vertx vertx;
  private final LiveSettings settings;
  private final SessionTokenVerifier verifier;
  private final ExamSource exams;
  private final KeySource keys;
  private final Clock clock;
  private final LiveMetrics metrics;
  private final WarningSchedule warnings;
  private final PingSchedule pings;
  private final SessionReads sessionReads;
  private final Map<String, ExamChannel> channels = new ConcurrentHashMap<>();
  private final long startMillis;
  private final AtomicBoolean polling = new AtomicBoolean();
  private volatile Instant lastFullPoll = Instant.EPOCH;
  private long sweepTimer = -1;
  private long pollTimer = -1;
  private volatile boolean stopping;

  public LiveGateway(
      Vertx vertx,
      LiveSettings settings,
      SessionTokenVerifier verifier,
      ExamSource exams,
      KeySource keys,
      Clock clock,
      LiveMetrics metrics) {
    this.vertx = vertx;
    this.settings = settings;
    this.verifier = verifier;
    this.exams = exams;
    this.keys = keys;
    this.clock = clock;
    this.metrics = metrics;
    this.warnings = new WarningSchedule(settings.warningMinutes());
    this.pings = new PingSchedule(settings.heartbeatInterval());
    this.sessionReads =
        new SessionReads(
            vertx,
            exams,
            metrics,
            SESSION_READ_BATCH,
            SESSION_READ_LINGER,
            settings.examLoadTimeout());
    this.startMillis = clock.millis();
  }

  public void start() {
    sweepTimer = vertx.setPeriodic(settings.sweepInterval().toMillis(), id -> sweepAll());
    long pollMillis =
        Math.min(
            settings.releasePollInterval().toMillis(), settings.releaseWatchInterval().toMillis());
    pollTimer = vertx.setPeriodic(pollMillis, id -> pollReleases());
    warmUpKeys();
  }

  /** Readies the key source in the background (at start, and when an exam's first socket comes). */
  private void warmUpKeys() {
    vertx.executeBlocking(
        () -> {
          keys.warmUp();
          return null;
        },
        false);
  }

  /**
   * Tells every candidate to reconnect elsewhere (1001 GOING_AWAY), spread over the drain period
   * ({@link ShardDrain}) so the other instances get the reconnects as a trickle. Sockets still here
   * meanwhile get what comes (the release poll and the sweep go on); a new socket is sent away at
   * once. Completes when every socket has been told; the timers stop then.
   */
  public Future<Void> stop() {
    stopping = true;
    List<Future<Void>> drains = new ArrayList<>();
    for (ExamChannel channel : channels.values()) {
      for (Shard shard : channel.shards()) {
        drains.add(
            ShardDrain.start(
                vertx,
                shard.context,
                shard::snapshot,
                settings.drainPeriod(),
                c -> close(c, CloseReason.GOING_AWAY)));
      }
    }
    return Future.join(drains)
        .andThen(
            done -> {
              vertx.cancelTimer(sweepTimer);
              vertx.cancelTimer(pollTimer);
            })
        .mapEmpty();
  }

  /** Sockets held here now, over all exams. */
  public int connected() {
    return channels.values().stream().mapToInt(channel -> channel.connected.get()).sum();
  }

  /** The route handler for {@code GET /v1/exams/:examId/live} on a Vert.x Web router. */
  public void handle(RoutingContext routing) {
    handle(routing.request(), routing.pathParam("examId"));
  }

  /** Upgrades a request for the exam's live socket. */
  public void handle(HttpServerRequest request, String examId) {
    String token = token(request);
    // The upgrade request's headers live as long as the socket: drop what is not needed for the
    // handshake (the token above all: it must not sit in memory, or in a heap dump, for hours).
    request.headers().remove("Authorization").remove("Cookie").remove("User-Agent");
    request
        .toWebSocket()
        .onSuccess(socket -> accept(socket, examId, token))
        .onFailure(
            err -> {
              if (!request.response().ended()) {
                request
                    .response()
                    .setStatusCode(400)
                    .putHeader("Content-Type", "application/json")
                    .end(
                        "{\"code\":\"WEBSOCKET_REQUIRED\",\"message\":\"Connect with a WebSocket"
                            + " upgrade.\",\"retryable\":false}");
              }
            });
  }

  public int connected(String examId) {
    ExamChannel channel = channels.get(examId);
    return channel == null ? 0 : channel.connected.get();
  }

  /** How many event loops have held this exam's sockets here (each socket stays on its loop). */
  int eventLoopsServing(String examId) {
    ExamChannel channel = channels.get(examId);
    return channel == null ? 0 : channel.shards().size();
  }

  private static String token(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.startsWith(BEARER)) {
      return header.substring(BEARER.length());
    }
    return request.getParam("access_token");
  }

  private void accept(ServerWebSocket socket, String examId, String token) {
    // The handshake is done: the upgrade request's headers would otherwise stay on the heap for
    // the socket's whole life (about 1 KiB each, times 100,000 idle candidates).
    socket.headers().clear();
    if (stopping) {
      close(socket, CloseReason.GOING_AWAY);
      return;
    }
    socket.setWriteQueueMaxSize(settings.writeQueueBytes());
    SessionClaims claims;
    try {
      claims = verifier.verify(token);
    } catch (TokenRejectedException e) {
      close(
          socket,
          e.reason() == TokenRejectedException.Reason.EXPIRED
              ? CloseReason.TOKEN_EXPIRED
              : CloseReason.TOKEN_INVALID);
      return;
    }
    if (!claims.examId().equals(examId)) {
      close(socket, CloseReason.EXAM_MISMATCH);
      return;
    }
    Context context = Vertx.currentContext();
    int now = nowSecond();
    CandidateConnection connection =
        new CandidateConnection(
            socket,
            claims.sessionId(),
            Math.toIntExact(claims.extraTimeSeconds()),
            now,
            pings.firstPing(claims.sessionId(), now));
    ExamChannel channel = channel(examId);
    socket.frameHandler(frame -> onFrame(connection, frame));
    socket.exceptionHandler(
        err -> {
          if (err instanceof CorruptedWebSocketFrameException) {
            // a frame over the transport's cap: Netty drops it; the client still hears why
            close(connection, CloseReason.FRAME_TOO_LARGE);
          } else {
            LOG.debugf("socket error: %s", err.getClass().getName());
          }
        });
    socket.closeHandler(v -> unregister(channel, connection, context));
    channel.info.whenComplete(
        (info, err) -> context.runOnContext(v -> onExamLoaded(channel, connection, info, err)));
  }

  private void onExamLoaded(
      ExamChannel channel, CandidateConnection connection, ExamInfo info, Throwable err) {
    if (err != null) {
      channels.remove(channel.examId, channel);
      Throwable cause = err instanceof CompletionException ? err.getCause() : err;
      close(
          connection.socket,
          cause instanceof UnknownExamException
              ? CloseReason.UNKNOWN_EXAM
              : CloseReason.TRY_AGAIN_LATER);
      return;
    }
    if (connection.socket.isClosed()) {
      return;
    }
    Context context = Vertx.currentContext();
    if (channel.shard(context).add(connection)) {
      channel.connected.incrementAndGet();
    }
    // The session's row says what the token cannot: extra time or a pause since login, a submit.
    // Read after the socket is registered, so a change is either in the row or in an event that
    // finds the socket. Before the release there is no deadline to show: greet at once.
    if (channel.released == null) {
      greet(channel, info, connection);
      sessionReads.read(
          connection.sessionId, context, row -> row.ifPresent(r -> onSessionRow(channel, r)));
    } else {
      sessionReads.read(
          connection.sessionId,
          context,
          row -> {
            row.ifPresent(r -> apply(connection, r));
            greet(channel, info, connection);
          });
    }
  }

  private void greet(ExamChannel channel, ExamInfo info, CandidateConnection connection) {
    if (connection.socket.isClosed()) {
      return;
    }
    ReleasedPaper released = channel.released;
    write(connection, Frames.encode(hello(channel, info, released, connection)));
    connection.greeted = true;
    if (released != null) {
      sendRelease(connection, released);
    }
    if (connection.submitted || (released != null && connection.paused)) {
      pushDeadline(channel, connection);
    }
  }

  private Frames.Hello hello(
      ExamChannel channel, ExamInfo info, ReleasedPaper released, CandidateConnection c) {
    return new Frames.Hello(
        clock.instant().toString(),
        info.examId(),
        released == null ? "WAITING" : "RELEASED",
        info.scheduledStart().toString(),
        released == null ? channel.paperDigest : released.record().paperDigest(),
        released == null ? null : released.record().releasedAt().toString(),
        released == null ? null : deadlineOf(c, released, clock.instant()).toString());
  }

  private void unregister(ExamChannel channel, CandidateConnection connection, Context context) {
    if (channel.shard(context).remove(connection)) {
      channel.connected.decrementAndGet();
    }
  }

  private ExamChannel channel(String examId) {
    return channels.computeIfAbsent(examId, this::openChannel);
  }

  /**
   * Reads the exam once for this instance. The read is bounded: a Spanner (or Vault) call that
   * hangs, or a saturated worker pool, fails the channel after {@code examLoadTimeout}, its sockets
   * are closed with TRY_AGAIN_LATER and the next connect reads again.
   */
  private ExamChannel openChannel(String examId) {
    ExamChannel channel = new ExamChannel(examId);
    metrics.trackConnected(examId, () -> connected(examId));
    Duration bound = settings.examLoadTimeout();
    long timer =
        vertx.setTimer(
            bound.toMillis(),
            id ->
                failLoad(
                    channel, new TimeoutException("not read within " + bound.toMillis() + " ms")));
    vertx
        .<ExamInfo>executeBlocking(() -> loadChannel(channel), false)
        .onComplete(
            result -> {
              vertx.cancelTimer(timer);
              if (result.succeeded()) {
                channel.paperDigest = result.result().paperDigest().orElse(null);
                channel.info.complete(result.result());
                if (channel.released == null) {
                  warmUpKeys(); // its release will read a key: be ready for it
                }
              } else {
                failLoad(channel, result.cause());
              }
            });
    return channel;
  }

  private void failLoad(ExamChannel channel, Throwable cause) {
    if (channel.info.completeExceptionally(cause) && !(cause instanceof UnknownExamException)) {
      LOG.warnf(
          "exam %s could not be read (%s: %s); its sockets are told to try again later",
          channel.examId, cause.getClass().getSimpleName(), cause.getMessage());
    }
  }

  /** Reads the exam, and if it is already released, its key: a (re)connect after T-0. */
  private ExamInfo loadChannel(ExamChannel channel) {
    ExamInfo info = exams.load(channel.examId);
    if (info.release().isPresent()) {
      ReleaseRecord record = info.release().get();
      byte[] key = keys.paperKey(record.examId(), record.paperDigest());
      channel.released =
          new ReleasedPaper(record, info.duration(), Base64.getEncoder().encodeToString(key));
    }
    return info;
  }

  // ---------------------------------------------------------------- release

  /**
   * A release learned from Pub/Sub, from the Spanner poll or from this instance's own command.
   * Idempotent: only the first one for an exam fetches the key and fans out.
   */
  public void onRelease(ReleaseRecord record, String source) {
    onRelease(record, null, source);
  }

  /**
   * As {@link #onRelease(ReleaseRecord, String)}, with the key when the caller already holds it
   * (the instance that ran the release command), which saves a Vault round trip before the fan-out.
   *
   * @param source how this instance learned of it (command, pubsub, poll), logged with the lag
   */
  public void onRelease(ReleaseRecord record, byte[] knownKey, String source) {
    ExamChannel channel = channels.get(record.examId());
    if (channel == null) {
      return; // nobody here; a later connect reads the release from Spanner
    }
    channel.info.thenAccept(
        info -> {
          if (channel.released != null || !channel.releasing.compareAndSet(false, true)) {
            return;
          }
          Duration lag = Duration.between(record.releasedAt(), clock.instant());
          metrics.releaseLearned(source, lag);
          LOG.infof(
              "exam %s release learned from %s %d ms after commit",
              record.examId(), source, lag.toMillis());
          if (knownKey != null) {
            releaseWith(channel, record, info, knownKey);
            return;
          }
          long askedAt = clock.millis();
          vertx
              .<byte[]>executeBlocking(
                  () -> keys.paperKey(record.examId(), record.paperDigest()), false)
              .onSuccess(
                  key -> {
                    LOG.infof(
                        "exam %s key read in %d ms", record.examId(), clock.millis() - askedAt);
                    releaseWith(channel, record, info, key);
                  })
              .onFailure(
                  err -> {
                    channel.releasing.set(false); // the next poll or event tries again
                    metrics.keyFetchFailed();
                    LOG.errorf(
                        "exam %s released but its key could not be fetched: %s",
                        record.examId(), err.getClass().getSimpleName());
                  });
        });
  }

  private void releaseWith(ExamChannel channel, ReleaseRecord record, ExamInfo info, byte[] key) {
    channel.released =
        new ReleasedPaper(record, info.duration(), Base64.getEncoder().encodeToString(key));
    fanOutRelease(channel, channel.released);
  }

  private void fanOutRelease(ExamChannel channel, ReleasedPaper released) {
    List<Shard> shards = channel.shards();
    AtomicInteger remaining = new AtomicInteger(shards.size());
    if (shards.isEmpty()) {
      fanOutFinished(released);
    }
    for (Shard shard : shards) {
      shard.context.runOnContext(
          v -> {
            for (CandidateConnection c : shard.snapshot()) {
              sendRelease(c, released);
            }
            if (remaining.decrementAndGet() == 0) {
              fanOutFinished(released);
            }
          });
    }
  }

  private void fanOutFinished(ReleasedPaper released) {
    Duration took = Duration.between(released.record().releasedAt(), clock.instant());
    metrics.fanOutFinished(released.record().examId(), took);
    LOG.infof(
        "exam %s release delivered locally %d ms after commit",
        released.record().examId(), took.toMillis());
  }

  private void sendRelease(CandidateConnection c, ReleasedPaper released) {
    if (c.releaseSent || c.submitted) {
      return;
    }
    c.releaseSent = true;
    // Most candidates share a deadline: each distinct frame is encoded once per release.
    write(
        c,
        c.paused
            ? released.frameWith(deadlineOf(c, released, clock.instant()))
            : released.frameFor(c.extraSeconds + c.shiftSeconds));
  }

  /** The candidate's deadline as of {@code now}: a running pause keeps pushing it back. */
  private static Instant deadlineOf(CandidateConnection c, ReleasedPaper released, Instant now) {
    Instant deadline = released.deadlineFor(c.extraSeconds + c.shiftSeconds);
    long running = c.paused ? now.toEpochMilli() - c.pausedAtMillis : 0;
    return running > 0 ? deadline.plusMillis(running) : deadline;
  }

  /**
   * Checks Spanner for the exams here with candidates waiting for a release that has not reached us
   * yet: every exam each {@code releasePollInterval}, and the exams near or past their scheduled
   * start each {@code releaseWatchInterval}.
   */
  private void pollReleases() {
    Instant now = clock.instant();
    boolean everyExam = !now.isBefore(lastFullPoll.plus(settings.releasePollInterval()));
    List<String> waiting =
        channels.values().stream()
            .filter(ExamChannel::awaitingRelease)
            .filter(c -> everyExam || watched(c, now))
            .map(c -> c.examId)
            .toList();
    if (waiting.isEmpty() || !polling.compareAndSet(false, true)) {
      return;
    }
    if (everyExam) {
      lastFullPoll = now;
    }
    vertx
        .<Polled>executeBlocking(
            () -> new Polled(exams.releases(waiting), everyExam ? papers(waiting) : Map.of()),
            false)
        .onComplete(
            result -> {
              polling.set(false);
              if (result.succeeded()) {
                result.result().papers().forEach(this::onPaper);
                result.result().releases().forEach(release -> onRelease(release, "poll"));
              } else {
                LOG.warnf("release poll failed: %s", result.cause().getClass().getSimpleName());
              }
            });
  }

  /** The exams' current papers; a failed read is logged and skipped: it must not stop releases. */
  private Map<String, String> papers(List<String> examIds) {
    try {
      return exams.papers(examIds);
    } catch (RuntimeException e) {
      LOG.warnf("paper poll failed: %s", e.getClass().getSimpleName());
      return Map.of();
    }
  }

  /** What one poll read: the releases and, on a full poll, the current papers. */
  private record Polled(List<ReleaseRecord> releases, Map<String, String> papers) {}

  /**
   * The exam's current paper, as the poll read it. If it was prepared again since this instance
   * read the exam (a corrected paper, before the release), the waiting candidates are told to
   * download the new file now rather than at the release, and later hellos name it.
   */
  private void onPaper(String examId, String digest) {
    ExamChannel channel = channels.get(examId);
    if (channel == null || channel.released != null || digest.equals(channel.paperDigest)) {
      return;
    }
    channel.paperDigest = digest;
    String frame = Frames.encode(new Frames.Paper(examId, digest));
    AtomicInteger told = new AtomicInteger();
    List<Shard> shards = channel.shards();
    AtomicInteger remaining = new AtomicInteger(shards.size());
    for (Shard shard : shards) {
      shard.context.runOnContext(
          v -> {
            for (CandidateConnection c : shard.snapshot()) {
              if (c.greeted && channel.released == null) {
                write(c, frame);
                told.incrementAndGet();
              }
            }
            if (remaining.decrementAndGet() == 0) {
              metrics.paperChanged(examId, told.get());
              LOG.infof("exam %s has a new paper; %d waiting sockets told", examId, told.get());
            }
          });
    }
  }

  /** From {@code releaseWatchWindow} before the scheduled start until an hour past it. */
  private boolean watched(ExamChannel channel, Instant now) {
    ExamInfo info = channel.info.getNow(null);
    return info != null
        && !now.isBefore(info.scheduledStart().minus(settings.releaseWatchWindow()))
        && now.isBefore(info.scheduledStart().plus(LATE_RELEASE_WATCH));
  }

  // ---------------------------------------------------------------- session events, broadcast

  /**
   * A proctor changed a session, or it ended (exam-session's events). An event that carries the
   * session's state is applied where it is newer than what a socket holds; one without (from an
   * older exam-session) makes its sockets here read the session's row.
   */
  public void onSessionEvent(String examId, String sessionId, Optional<SessionRecord> state) {
    ExamChannel channel = channels.get(examId);
    if (channel == null) {
      return; // nobody of this exam here: a later connect reads the row
    }
    if (state.isPresent()) {
      onSessionRow(channel, state.get());
      return;
    }
    forEachShard(
        channel,
        shard ->
            shard.forSession(
                sessionId,
                c ->
                    sessionReads.read(
                        sessionId,
                        shard.context,
                        row -> row.ifPresent(r -> onSessionRow(channel, r)))));
  }

  /** Applies a session's state to its sockets here, and tells those whose deadline moved. */
  private void onSessionRow(ExamChannel channel, SessionRecord state) {
    forEachShard(
        channel,
        shard ->
            shard.forSession(
                state.sessionId(),
                c -> {
                  if (apply(c, state)) {
                    pushDeadline(channel, c);
                  }
                }));
  }

  /** Takes {@code state} if it is newer than what the socket holds; true if that changed it. */
  private boolean apply(CandidateConnection c, SessionRecord state) {
    if (!state.supersedes(c.stateVersionMicros, c.submitted)) {
      return false;
    }
    boolean paused = state.status() == SessionRecord.Status.PAUSED;
    // a pause without its start (not written by exam-session) counts from now, not from 1970
    long pausedAt =
        paused ? state.pausedAt().map(Instant::toEpochMilli).orElse(clock.millis()) : 0L;
    boolean changed =
        c.submitted != (state.status() == SessionRecord.Status.SUBMITTED)
            || c.paused != paused
            || c.shiftSeconds != state.shiftSeconds()
            || (paused && c.pausedAtMillis != pausedAt);
    c.stateVersionMicros = state.updatedAtMicros();
    c.submitted = state.status() == SessionRecord.Status.SUBMITTED;
    c.paused = paused;
    c.shiftSeconds = state.shiftSeconds();
    c.pausedAtMillis = pausedAt;
    return changed;
  }

  private void pushDeadline(ExamChannel channel, CandidateConnection c) {
    ReleasedPaper released = channel.released;
    if (!c.greeted || (released == null && !c.submitted)) {
      return; // no deadline exists before the release; the hello carries the first one
    }
    Instant now = clock.instant();
    Instant deadline = released == null ? null : deadlineOf(c, released, now);
    if (deadline != null && !c.paused) {
      // a later deadline brings back the warnings it postponed
      c.warningsSent = warnings.replan(deadline, now, c.warningsSent);
    }
    write(
        c,
        Frames.encode(
            new Frames.Deadline(
                channel.examId,
                deadline == null ? null : deadline.toString(),
                c.submitted ? "SUBMITTED" : c.paused ? "PAUSED" : "ACTIVE",
                deadline == null
                    ? null
                    : Math.max(0, Duration.between(now, deadline).toSeconds()))));
  }

  /** A proctor's message to every candidate of the exam connected here. */
  public void broadcast(String examId, String message, Instant sentAt) {
    ExamChannel channel = channels.get(examId);
    if (channel == null) {
      return;
    }
    String frame = Frames.encode(new Frames.Broadcast(message, sentAt.toString()));
    forEachShard(channel, shard -> shard.snapshot().forEach(c -> write(c, frame)));
  }

  private static void forEachShard(ExamChannel channel, java.util.function.Consumer<Shard> work) {
    for (Shard shard : channel.shards()) {
      shard.context.runOnContext(v -> work.accept(shard));
    }
  }

  // ---------------------------------------------------------------- sweep: heartbeat, warnings

  private void sweepAll() {
    Instant now = clock.instant();
    String pingFrame = Frames.encode(new Frames.Ping(now.toString()));
    for (ExamChannel channel : channels.values()) {
      forEachShard(channel, shard -> sweep(channel, shard, now, pingFrame));
    }
  }

  private void sweep(ExamChannel channel, Shard shard, Instant now, String pingFrame) {
    int nowSecond = nowSecond();
    long idleSeconds = settings.idleTimeout().toSeconds();
    ReleasedPaper released = channel.released;
    // Until the earliest deadline is within the first warning's lead, no candidate without a
    // deadline of their own can be due one: skip their deadline arithmetic (most of the exam).
    Instant warningsFrom =
        released == null ? null : released.deadlineFor(0).minus(warnings.longestLead());
    boolean warningsPossible = released != null && !now.isBefore(warningsFrom);
    List<CandidateConnection> dead = new ArrayList<>();
    shard.forEach(
        c -> {
          if (c.closing) {
            return; // closed by us, waiting for the client's close (or Vert.x's timeout)
          }
          if (nowSecond - c.lastSeenSecond > idleSeconds) {
            dead.add(c);
            return;
          }
          if (pings.due(c.nextPingSecond, nowSecond)) {
            c.nextPingSecond = pings.next(nowSecond);
            write(c, pingFrame);
          }
          // a paused candidate's clock stands still: no warning until the pause ends
          if (released != null
              && !c.submitted
              && !c.paused
              && (warningsPossible || c.extraSeconds + c.shiftSeconds < 0)) {
            Instant deadline = deadlineOf(c, released, now);
            int due = warnings.due(deadline, now, c.warningsSent);
            if (due != WarningSchedule.NONE) {
              c.warningsSent = warnings.markSent(c.warningsSent, due);
              if (!warnings.isLate(due, deadline, now)) {
                write(
                    c,
                    Frames.encode(
                        new Frames.Warning(warnings.minutesAt(due), deadline.toString())));
              }
            }
          }
        });
    dead.forEach(c -> close(c, CloseReason.HEARTBEAT_TIMEOUT));
  }

  // ---------------------------------------------------------------- client frames, writes

  private void onFrame(CandidateConnection c, WebSocketFrame frame) {
    if (c.closing) {
      return;
    }
    c.lastSeenSecond = nowSecond();
    if (frame.isClose() || frame.isPing() || frame.type() == WebSocketFrameType.PONG) {
      return;
    }
    if (frame.isBinary()) {
      close(c, CloseReason.BINARY_NOT_ACCEPTED);
      return;
    }
    if (!frame.isFinal()
        || frame.isContinuation()
        || frame.binaryData().length() > settings.maxFrameBytes()) {
      close(c, CloseReason.FRAME_TOO_LARGE);
      return;
    }
    JsonNode message;
    try {
      message = JSON.readTree(frame.binaryData().getBytes());
    } catch (IOException e) {
      close(c, CloseReason.MALFORMED_FRAME);
      return;
    }
    if (message == null || !message.isObject() || !message.path("type").isTextual()) {
      close(c, CloseReason.MALFORMED_FRAME);
    } else if (!"pong".equals(message.get("type").asText())) {
      close(c, CloseReason.UNKNOWN_MESSAGE_TYPE);
    }
  }

  /** Writes unless the socket's queue is full: then the slow client is cut loose, not waited on. */
  private void write(CandidateConnection c, String frame) {
    ServerWebSocket socket = c.socket;
    if (c.closing || socket.isClosed()) {
      return;
    }
    if (socket.writeQueueFull()) {
      metrics.slowConsumerDropped();
      close(c, CloseReason.SLOW_CONSUMER);
      return;
    }
    socket.writeTextMessage(frame);
  }

  /** Closes a candidate's socket once: later frames, sweeps and writes leave it alone. */
  private void close(CandidateConnection c, CloseReason reason) {
    if (c.closing) {
      return;
    }
    c.closing = true;
    close(c.socket, reason);
  }

  private void close(ServerWebSocket socket, CloseReason reason) {
    metrics.rejected(reason);
    if (!socket.isClosed()) {
      socket.close(reason.code(), reason.name());
    }
  }

  private int nowSecond() {
    return (int) ((clock.millis() - startMillis) / 1000);
  }
}
