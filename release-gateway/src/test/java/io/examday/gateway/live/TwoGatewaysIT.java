package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.common.testing.SpannerTestDatabase;
import io.examday.common.testing.StallingProxy;
import io.examday.common.token.SessionTokenVerifier;
import io.examday.devvault.DevVault;
import io.examday.gateway.exam.SessionRecord;
import io.examday.gateway.exam.SessionRecord.Status;
import io.examday.gateway.exam.SpannerExams;
import io.examday.gateway.paper.PaperCipher;
import io.examday.gateway.paper.PaperService;
import io.examday.gateway.paper.PaperStore;
import io.examday.gateway.pubsub.Events;
import io.examday.gateway.pubsub.GatewayEvents;
import io.examday.gateway.pubsub.PubSubSettings;
import io.examday.gateway.release.MfaPolicy;
import io.examday.gateway.release.ProctorIdentity;
import io.examday.gateway.release.ReleaseRequest;
import io.examday.gateway.release.ReleaseResponse;
import io.examday.gateway.release.ReleaseService;
import io.examday.gateway.testing.TestCandidate;
import io.examday.gateway.testing.TestExams;
import io.examday.gateway.testing.TestKeys;
import io.examday.gateway.vault.VaultPaperKeys;
import io.examday.gateway.vault.VaultSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances in one JVM (two Vert.x HTTP servers, each with its own Pub/Sub
 * subscriptions), with real Spanner and Pub/Sub emulators and the Vault stand-in. Candidates are
 * spread over both; a release commanded on instance A reaches the candidates of B.
 */
class TwoGatewaysIT {

  private static final String PAPER =
      "{\"questions\":[{\"id\":\"q1\",\"text\":\"2+2?\",\"options\":[\"3\",\"4\"]}]}";
  private static final Duration AWAIT = Duration.ofSeconds(20);

  private static Vertx vertx;
  private static SpannerTestDatabase db;
  private static DevVault vault;
  private static TestKeys keys;
  private static SpannerExams exams;
  private static VaultPaperKeys paperKeys;
  private static PaperStore store;
  private static PaperService papers;
  private static Instance a;
  private static Instance b;
  private static String topicSuffix;

  /** One gateway instance: its live core, its HTTP port and its Pub/Sub side. */
  record Instance(LiveGateway live, int port, GatewayEvents events, SimpleMeterRegistry meters) {}

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    db = SpannerTestDatabase.create();
    vault = DevVault.start(0, "test-token");
    keys = TestKeys.create();
    exams = new SpannerExams(db.client());
    paperKeys = new VaultPaperKeys(VaultSettings.withToken(vault.address(), "test-token"));
    store = new PaperStore(Files.createTempDirectory("papers"));
    papers = new PaperService(exams, exams, paperKeys, store, 1 << 20, "/papers/");
    topicSuffix = UUID.randomUUID().toString().substring(0, 8);
    a = instance("a", pubsub("a", emulator(), true));
    b = instance("b", pubsub("b", emulator(), true));
  }

  @AfterAll
  static void stop() {
    for (Instance i : new Instance[] {a, b}) {
      if (i != null) {
        i.live().stop();
        i.events().close();
      }
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
    if (vault != null) {
      vault.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private static String emulator() {
    String host = System.getenv("PUBSUB_EMULATOR_HOST");
    if (host == null || host.isBlank()) {
      throw new IllegalStateException(
          "PUBSUB_EMULATOR_HOST is not set: run through ./examday test");
    }
    return host;
  }

  private static PubSubSettings pubsub(String name, String host, boolean createTopics) {
    return new PubSubSettings(
        "examday-test",
        Optional.of(host),
        "releases-" + topicSuffix,
        "session-events-" + topicSuffix,
        "broadcasts-" + topicSuffix,
        "gw",
        name + "-" + UUID.randomUUID().toString().substring(0, 8),
        createTopics,
        Duration.ofDays(1),
        Duration.ofMillis(800));
  }

  static LiveSettings fastSettings(int writeQueueBytes) {
    return settings(writeQueueBytes, Duration.ofMillis(500), Duration.ofMillis(500));
  }

  static LiveSettings settings(int writeQueueBytes, Duration poll, Duration watch) {
    return LiveFixtures.settings(writeQueueBytes, poll, watch, Duration.ofSeconds(10));
  }

  private static Instance instance(String name, PubSubSettings settings) {
    return instance(name, settings, fastSettings(16 * 1024));
  }

  private static Instance instance(String name, PubSubSettings settings, LiveSettings tuning) {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SessionTokenVerifier verifier = keys.verifier();
    LiveGateway live =
        new LiveGateway(
            vertx, tuning, verifier, exams, paperKeys, Clock.systemUTC(), new LiveMetrics(meters));
    Router router = Router.router(vertx);
    router.get("/v1/exams/:examId/live").handler(live::handle);
    int port =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .join()
            .actualPort();
    live.start();
    GatewayEvents events = new GatewayEvents(settings, Clock.systemUTC(), meters);
    events.subscribe(live);
    return new Instance(live, port, events, meters);
  }

  private static ReleaseService releaseService(GatewayEvents announcer, LiveGateway live) {
    return new ReleaseService(
        exams,
        exams,
        paperKeys,
        announcer,
        live,
        new MfaPolicy(Duration.ofMinutes(10)),
        Clock.systemUTC(),
        OpenTelemetry.noop().getTracer("test"));
  }

  private static ProctorIdentity proctor() {
    return new ProctorIdentity("proctor-1", Set.of("pwd", "mfa"), Optional.of(Instant.now()));
  }

  private static String preparedExam(Duration duration) {
    return preparedExam(Instant.now().minusSeconds(60), duration);
  }

  private static String preparedExam(Instant scheduledStart, Duration duration) {
    String examId = TestExams.create(db.client(), scheduledStart, duration);
    papers.prepare(examId, PAPER.getBytes(StandardCharsets.UTF_8), "admin-1");
    return examId;
  }

  private static List<TestCandidate> connect(Instance at, String examId, int count, long xt) {
    List<CompletableFuture<TestCandidate>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String token =
          keys.sessionToken(UUID.randomUUID().toString(), examId, xt, Duration.ofHours(1));
      futures.add(TestCandidate.connect(at.port(), examId, token));
    }
    List<TestCandidate> candidates = futures.stream().map(CompletableFuture::join).toList();
    await()
        .atMost(AWAIT)
        .until(() -> candidates.stream().allMatch(c -> c.frame("hello").isPresent()));
    return candidates;
  }

  @Test
  void releaseOnOneInstanceReachesCandidatesOnBoth() throws Exception {
    String examId = preparedExam(Duration.ofHours(2));
    List<TestCandidate> onA = connect(a, examId, 10, 0);
    List<TestCandidate> onB = connect(b, examId, 10, 1200);
    for (TestCandidate c : concat(onA, onB)) {
      JsonObject hello = c.frame("hello").orElseThrow();
      assertThat(hello.getString("state")).isEqualTo("WAITING");
      assertThat(hello.getString("paperDigest")).hasSize(64);
      assertThat(c.frame("release")).isEmpty();
      assertThat(c.frames.toString()).doesNotContain("\"key\"");
    }
    assertThat(a.live().connected(examId)).isEqualTo(10);
    long commandsBefore = learned(a, "command");
    long othersBefore = learned(b, "pubsub") + learned(b, "poll");

    ReleaseResponse first =
        releaseService(a.events(), a.live())
            .release(examId, proctor(), new ReleaseRequest(false, null));

    await()
        .atMost(AWAIT)
        .until(() -> concat(onA, onB).stream().allMatch(c -> c.frame("release").isPresent()));
    assertThat(learned(a, "command")).isEqualTo(commandsBefore + 1);
    assertThat(learned(b, "pubsub") + learned(b, "poll")).isEqualTo(othersBefore + 1);
    Instant releasedAt = Instant.parse(first.releasedAt());
    JsonObject releaseOnB = onB.getFirst().frame("release").orElseThrow();
    assertThat(releaseOnB.getString("releasedAt")).isEqualTo(first.releasedAt());
    assertThat(Instant.parse(releaseOnB.getString("deadline")))
        .isEqualTo(releasedAt.plus(Duration.ofHours(2)).plusSeconds(1200));
    assertThat(Instant.parse(onA.getFirst().frame("release").orElseThrow().getString("deadline")))
        .isEqualTo(releasedAt.plus(Duration.ofHours(2)));
    byte[] file = Files.readAllBytes(store.find(releaseOnB.getString("paperDigest")).orElseThrow());
    byte[] key = Base64.getDecoder().decode(releaseOnB.getString("key"));
    assertThat(new String(PaperCipher.open(examId, file, key), StandardCharsets.UTF_8))
        .isEqualTo(PAPER);

    ReleaseResponse second =
        releaseService(b.events(), b.live())
            .release(examId, proctor(), new ReleaseRequest(false, null));
    assertThat(second.alreadyReleased()).isTrue();
    assertThat(second.releasedAt()).isEqualTo(first.releasedAt());
    assertThat(auditCount(examId, "RELEASE")).isEqualTo(1);

    TestCandidate late = connect(b, examId, 1, 0).getFirst();
    await().atMost(AWAIT).until(() -> late.frame("release").isPresent());
    assertThat(late.frame("hello").orElseThrow().getString("state")).isEqualTo("RELEASED");
    assertThat(
            concat(onA, onB).stream()
                .mapToLong(
                    c ->
                        c.frames.stream()
                            .filter(f -> "release".equals(f.getString("type")))
                            .count()))
        .allMatch(n -> n == 1);
  }

  /**
   * A paper prepared again before the release (a corrected question) replaces the file waiting
   * candidates hold: on both instances they are told the new digest by the next poll, a candidate
   * connecting afterwards is greeted with it, and the release unlocks exactly that file.
   */
  @Test
  void aPaperPreparedAgainBeforeTheReleaseReachesTheWaitingCandidates() throws Exception {
    String examId = preparedExam(Duration.ofHours(2));
    List<TestCandidate> onA = connect(a, examId, 3, 0);
    List<TestCandidate> onB = connect(b, examId, 3, 0);
    String first = onA.getFirst().frame("hello").orElseThrow().getString("paperDigest");
    assertThat(first).hasSize(64);
    String corrected = PAPER.replace("2+2?", "2+3?");

    String second =
        papers.prepare(examId, corrected.getBytes(StandardCharsets.UTF_8), "admin-1").paperDigest();

    assertThat(second).isNotEqualTo(first);
    await()
        .atMost(AWAIT)
        .until(() -> concat(onA, onB).stream().allMatch(c -> c.frame("paper").isPresent()));
    for (TestCandidate c : concat(onA, onB)) {
      JsonObject paper = c.frame("paper").orElseThrow();
      assertThat(paper.getString("examId")).isEqualTo(examId);
      assertThat(paper.getString("paperDigest")).isEqualTo(second);
      assertThat(c.frames.toString()).doesNotContain("\"key\"");
    }
    TestCandidate late = connect(b, examId, 1, 0).getFirst();
    assertThat(late.frame("hello").orElseThrow().getString("paperDigest")).isEqualTo(second);
    assertThat(late.frame("paper")).isEmpty();

    releaseService(a.events(), a.live())
        .release(examId, proctor(), new ReleaseRequest(false, null));

    List<TestCandidate> everyone = concat(concat(onA, onB), List.of(late));
    await()
        .atMost(AWAIT)
        .until(() -> everyone.stream().allMatch(c -> c.frame("release").isPresent()));
    for (TestCandidate c : everyone) {
      JsonObject release = c.frame("release").orElseThrow();
      assertThat(release.getString("paperDigest")).isEqualTo(second);
      byte[] file = Files.readAllBytes(store.find(second).orElseThrow());
      byte[] key = Base64.getDecoder().decode(release.getString("key"));
      assertThat(new String(PaperCipher.open(examId, file, key), StandardCharsets.UTF_8))
          .isEqualTo(corrected);
      assertThat(c.frames.stream().filter(f -> "paper".equals(f.getString("type"))).count())
          .isLessThanOrEqualTo(1);
    }
    for (Instance i : List.of(a, b)) {
      await().atMost(AWAIT).until(() -> paperChanges(i, examId) == 1.0);
    }
    assertThat(auditCount(examId, "PAPER_PREPARED")).isEqualTo(2);
  }

  @Test
  void pubSubDownAtReleaseStillReachesTheOtherInstanceByPolling() {
    String examId = preparedExam(Duration.ofHours(2));
    List<TestCandidate> onB = connect(b, examId, 5, 0);
    // A's announcer talks to a port where no Pub/Sub listens: the publish fails.
    GatewayEvents dead =
        new GatewayEvents(
            pubsub("dead", "127.0.0.1:1", false), Clock.systemUTC(), new SimpleMeterRegistry());
    try {
      ReleaseResponse response =
          releaseService(dead, a.live())
              .release(examId, proctor(), new ReleaseRequest(false, null));
      assertThat(response.alreadyReleased()).isFalse();
    } finally {
      dead.close();
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> onB.stream().allMatch(c -> c.frame("release").isPresent()));
  }

  /**
   * A pod stopping while Pub/Sub does not answer (a partition: connections open, nothing comes
   * back) still closes its events within the bounded steps; deleting its subscriptions alone used
   * to wait 44 s, beyond a pod's grace period.
   */
  @Test
  void closingWhilePubSubDoesNotAnswerIsBounded() {
    try (StallingProxy proxy = StallingProxy.toEmulator("PUBSUB_EMULATOR_HOST")) {
      Instance stopping =
          instance("stopping", pubsub("stopping", "127.0.0.1:" + proxy.port(), false));
      stopping.live().stop();
      proxy.stall();
      long started = System.nanoTime();
      stopping.events().close();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("three steps of at most 3 s, 3 s and the publish timeout")
          .isLessThan(Duration.ofSeconds(10));
    }
  }

  /**
   * Around T-0 the Spanner watch, not the every-so-often poll, bounds how late a gateway learns of
   * a release: this instance polls every exam only each minute, but watches the exams near their
   * start (this one started a minute ago) every 100 ms, and no Pub/Sub event comes.
   */
  @Test
  void nearItsStartAnExamIsWatchedClosely() {
    assertWatchedClosely(Instant.now().minusSeconds(60));
  }

  /** A release ten minutes late (past the 2-minute window before the start) is watched as well. */
  @Test
  void anExamReleasedLateIsStillWatchedClosely() {
    assertWatchedClosely(Instant.now().minus(Duration.ofMinutes(10)));
  }

  private void assertWatchedClosely(Instant scheduledStart) {
    Instance watcher =
        instance(
            "watcher",
            pubsub("watcher", emulator(), false),
            settings(16 * 1024, Duration.ofMinutes(1), Duration.ofMillis(100)));
    try {
      String examId = preparedExam(scheduledStart, Duration.ofHours(2));
      List<TestCandidate> waiting = connect(watcher, examId, 3, 0);
      GatewayEvents dead =
          new GatewayEvents(
              pubsub("dead-2", "127.0.0.1:1", false), Clock.systemUTC(), new SimpleMeterRegistry());
      try {
        releaseService(dead, a.live()).release(examId, proctor(), new ReleaseRequest(false, null));
      } finally {
        dead.close();
      }
      await()
          .atMost(Duration.ofSeconds(3))
          .until(() -> waiting.stream().allMatch(c -> c.frame("release").isPresent()));
    } finally {
      watcher.live().stop();
      watcher.events().close();
    }
  }

  @Test
  void deadlineChangesWarningsAndBroadcastsReachTheirCandidates() throws Exception {
    String examId = preparedExam(Duration.ofMinutes(10));
    String sessionId = UUID.randomUUID().toString();
    TestCandidate target =
        TestCandidate.connect(
                b.port(), examId, keys.sessionToken(sessionId, examId, 0, Duration.ofHours(1)))
            .join();
    TestCandidate other = connect(a, examId, 1, 0).getFirst();
    await().atMost(AWAIT).until(() -> target.frame("hello").isPresent());
    releaseService(a.events(), a.live())
        .release(examId, proctor(), new ReleaseRequest(false, null));

    // 10 minutes left: the 15-minute mark passed 5 minutes ago, so no "15 minutes left"
    await().atMost(AWAIT).until(() -> target.frame("release").isPresent());
    await()
        .during(Duration.ofMillis(1500)) // seven sweeps
        .atMost(Duration.ofSeconds(3))
        .until(() -> target.frame("warning").isEmpty() && other.frame("warning").isEmpty());
    Instant releasedAt =
        Instant.parse(target.frame("release").orElseThrow().getString("releasedAt"));

    // exam-session's event (over Pub/Sub, to instance B): a proctor granted 10 minutes
    Instant changedAt = Instant.now();
    publish(
        a.events(),
        "session-events-" + topicSuffix,
        new Events.Session(
            "DEADLINE_CHANGED",
            sessionId,
            examId,
            releasedAt.plus(Duration.ofMinutes(20)).toString(),
            "ACTIVE",
            600L,
            0L,
            null,
            changedAt.toString()));
    await().atMost(AWAIT).until(() -> target.frame("deadline").isPresent());
    JsonObject extended = target.frame("deadline").orElseThrow();
    assertThat(Instant.parse(extended.getString("deadline")))
        .isEqualTo(releasedAt.plus(Duration.ofMinutes(20)));
    assertThat(extended.getString("status")).isEqualTo("ACTIVE");
    assertThat(extended.getLong("remainingSeconds")).isBetween(1000L, 1200L);
    assertThat(other.frame("deadline")).isEmpty();

    assertThat(
            a.events()
                .publishBroadcast(
                    new Events.Broadcast(
                        examId, "Pens down in 3 minutes", "proctor-1", Instant.now().toString())))
        .isTrue();
    await()
        .atMost(AWAIT)
        .until(() -> target.frame("broadcast").isPresent() && other.frame("broadcast").isPresent());
    assertThat(other.frame("broadcast").orElseThrow().getString("message"))
        .isEqualTo("Pens down in 3 minutes");
  }

  @Test
  void aPauseHoldsTheTimeWarningsAndItsEndBringsThemBack() {
    // 5 min 8 s: the 5-minute warning is due 8 s after the release
    String examId = preparedExam(Duration.ofSeconds(308));
    String sessionId = UUID.randomUUID().toString();
    TestCandidate paused = candidate(a, examId, sessionId, 0);
    TestCandidate running = connect(a, examId, 1, 0).getFirst();
    releaseService(a.events(), a.live())
        .release(examId, proctor(), new ReleaseRequest(false, null));
    await().atMost(AWAIT).until(() -> paused.frame("release").isPresent());
    Instant releasedAt =
        Instant.parse(paused.frame("release").orElseThrow().getString("releasedAt"));

    Instant pausedAt = Instant.now();
    SessionRecord pause =
        new SessionRecord(sessionId, Status.PAUSED, 0, 0, Optional.of(pausedAt), pausedAt);
    a.live().onSessionEvent(examId, sessionId, Optional.of(pause));
    await().atMost(AWAIT).until(() -> paused.frame("deadline").isPresent());
    JsonObject frozen = paused.frame("deadline").orElseThrow();
    assertThat(frozen.getString("status")).isEqualTo("PAUSED");
    assertThat(frozen.getLong("remainingSeconds")).isBetween(280L, 308L);

    // the 5-minute mark passes: the running candidate is warned, the paused one is not
    await().atMost(AWAIT).until(() -> warned(running, 5));
    await()
        .during(Duration.ofMillis(800)) // four sweeps
        .atMost(Duration.ofSeconds(2))
        .until(() -> !warned(paused, 5));

    Instant resumedAt = Instant.now();
    long pausedSeconds = Duration.between(pausedAt, resumedAt).toSeconds();
    a.live()
        .onSessionEvent(
            examId,
            sessionId,
            Optional.of(
                new SessionRecord(
                    sessionId, Status.ACTIVE, 0, pausedSeconds, Optional.empty(), resumedAt)));
    await().atMost(AWAIT).until(() -> frames(paused, "deadline").size() == 2);
    JsonObject resumed = frames(paused, "deadline").get(1);
    assertThat(resumed.getString("status")).isEqualTo("ACTIVE");
    assertThat(Instant.parse(resumed.getString("deadline")))
        .isEqualTo(releasedAt.plusSeconds(308 + pausedSeconds));
    // warned 5 minutes before its own, later, deadline
    await().atMost(AWAIT).until(() -> warned(paused, 5));

    // the pause's event again (Pub/Sub may redeliver, or deliver late): older, so nothing changes
    a.live().onSessionEvent(examId, sessionId, Optional.of(pause));
    a.live().broadcast(examId, "after the late event", Instant.now());
    await().atMost(AWAIT).until(() -> paused.frame("broadcast").isPresent());
    assertThat(frames(paused, "deadline")).hasSize(2);
  }

  @Test
  void aSocketGetsItsSessionsDeadlineOnWhicheverInstanceItConnects() {
    String examId = preparedExam(Duration.ofHours(2));
    // before the release, on A: a candidate a proctor granted 10 minutes after their login
    String early =
        SessionRows.write(db.client(), uuid(), examId, "ACTIVE", 600, 0, Optional.empty());
    TestCandidate waiting = candidate(a, examId, early, 0);
    releaseService(a.events(), a.live())
        .release(examId, proctor(), new ReleaseRequest(false, null));
    await().atMost(AWAIT).until(() -> waiting.frame("release").isPresent());
    JsonObject release = waiting.frame("release").orElseThrow();
    Instant releasedAt = Instant.parse(release.getString("releasedAt"));
    Instant shared = releasedAt.plus(Duration.ofHours(2));
    assertThat(Instant.parse(release.getString("deadline"))).isEqualTo(shared.plusSeconds(600));

    // after the release, on B, which had nobody of this exam: a reconnect, a paused candidate,
    // a submitted one, and one whose session has no row (the token's deadline)
    String extended =
        SessionRows.write(db.client(), uuid(), examId, "ACTIVE", 1200, 300, Optional.empty());
    Instant pausedAt = Instant.now().minusSeconds(60);
    String pausedSession =
        SessionRows.write(db.client(), uuid(), examId, "PAUSED", 0, 0, Optional.of(pausedAt));
    String submitted =
        SessionRows.write(db.client(), uuid(), examId, "SUBMITTED", 0, 0, Optional.empty());
    TestCandidate back = candidate(b, examId, extended, 120);
    TestCandidate onPause = candidate(b, examId, pausedSession, 0);
    TestCandidate done = candidate(b, examId, submitted, 0);
    TestCandidate unknown = candidate(b, examId, uuid(), 0);

    Instant extendedDeadline = shared.plusSeconds(120 + 1200 + 300);
    assertThat(Instant.parse(back.frame("hello").orElseThrow().getString("deadline")))
        .isEqualTo(extendedDeadline);
    await().atMost(AWAIT).until(() -> back.frame("release").isPresent());
    assertThat(Instant.parse(back.frame("release").orElseThrow().getString("deadline")))
        .isEqualTo(extendedDeadline);

    await().atMost(AWAIT).until(() -> onPause.frame("deadline").isPresent());
    JsonObject held = onPause.frame("deadline").orElseThrow();
    assertThat(held.getString("status")).isEqualTo("PAUSED");
    assertThat(Instant.parse(held.getString("deadline"))).isAfter(shared.plusSeconds(59));

    await().atMost(AWAIT).until(() -> done.frame("deadline").isPresent());
    assertThat(done.frame("deadline").orElseThrow().getString("status")).isEqualTo("SUBMITTED");
    assertThat(done.frame("release")).as("no key for a submitted session").isEmpty();

    await().atMost(AWAIT).until(() -> unknown.frame("release").isPresent());
    assertThat(Instant.parse(unknown.frame("release").orElseThrow().getString("deadline")))
        .isEqualTo(shared);

    // an event from an exam-session that sends no state: the session's sockets read its row
    SessionRows.write(db.client(), extended, examId, "ACTIVE", 1800, 300, Optional.empty());
    b.live().onSessionEvent(examId, extended, Optional.empty());
    await().atMost(AWAIT).until(() -> back.frame("deadline").isPresent());
    assertThat(Instant.parse(back.frame("deadline").orElseThrow().getString("deadline")))
        .isEqualTo(shared.plusSeconds(120 + 1800 + 300));
  }

  private static TestCandidate candidate(
      Instance at, String examId, String sessionId, long extraSeconds) {
    TestCandidate candidate =
        TestCandidate.connect(
                at.port(),
                examId,
                keys.sessionToken(sessionId, examId, extraSeconds, Duration.ofHours(1)))
            .join();
    await().atMost(AWAIT).until(() -> candidate.frame("hello").isPresent());
    return candidate;
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }

  private static List<JsonObject> frames(TestCandidate candidate, String type) {
    return candidate.frames.stream().filter(f -> type.equals(f.getString("type"))).toList();
  }

  private static boolean warned(TestCandidate candidate, int minutesLeft) {
    return frames(candidate, "warning").stream()
        .anyMatch(f -> f.getInteger("minutesLeft") == minutesLeft);
  }

  @Test
  void aSlowConsumerIsCutLooseWithoutHoldingUpOthers() {
    String examId = preparedExam(Duration.ofHours(2));
    TestCandidate slow = connect(a, examId, 1, 0).getFirst();
    TestCandidate fast = connect(a, examId, 1, 0).getFirst();
    slow.pause(); // stops reading: kernel buffers, then the server's queue, fill up
    String message = "x".repeat(1000);
    int batch = 8; // 8 KB per round: within the 16 KiB queue of a client that keeps up
    int sent = 0;
    while (a.meters().counter("examday.gateway.dropped.slow.consumers").count() == 0) {
      assertThat(sent).as("broadcasts before the slow consumer was dropped").isLessThan(100_000);
      for (int i = 0; i < batch; i++) {
        a.live().broadcast(examId, message, Instant.now());
      }
      sent += batch;
      int expected = sent;
      await()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(1))
          .atMost(AWAIT)
          .until(() -> broadcastsReceived(fast) == expected);
    }
    assertThat(fast.closed()).isFalse();
    assertThat(broadcastsReceived(fast)).isEqualTo(sent);
  }

  /** Releases this instance learned of from {@code source}; the meter exists once one was. */
  private static long learned(Instance instance, String source) {
    var timer =
        instance.meters().find("examday.gateway.release.learned").tag("source", source).timer();
    return timer == null ? 0 : timer.count();
  }

  private static double paperChanges(Instance instance, String examId) {
    var counter =
        instance.meters().find("examday.gateway.paper.changes").tag("exam", examId).counter();
    return counter == null ? 0 : counter.count();
  }

  private static long broadcastsReceived(TestCandidate candidate) {
    return candidate.frames.stream().filter(f -> "broadcast".equals(f.getString("type"))).count();
  }

  private static void publish(GatewayEvents events, String topic, Record event) throws Exception {
    // The session events come from exam-session; a test publisher stands in for it.
    var channel = io.grpc.ManagedChannelBuilder.forTarget(emulator()).usePlaintext().build();
    try {
      var publisher =
          com.google.cloud.pubsub.v1.Publisher.newBuilder(
                  com.google.pubsub.v1.TopicName.of("examday-test", topic))
              .setChannelProvider(
                  com.google.api.gax.rpc.FixedTransportChannelProvider.create(
                      com.google.api.gax.grpc.GrpcTransportChannel.create(channel)))
              .setCredentialsProvider(com.google.api.gax.core.NoCredentialsProvider.create())
              .build();
      publisher
          .publish(
              com.google.pubsub.v1.PubsubMessage.newBuilder()
                  .setData(
                      com.google.protobuf.ByteString.copyFrom(
                          new com.fasterxml.jackson.databind.ObjectMapper()
                              .writeValueAsBytes(event)))
                  .build())
          .get();
      publisher.shutdown();
    } finally {
      channel.shutdownNow();
    }
  }

  private static long auditCount(String examId, String action) {
    try (ResultSet rows =
        db.client()
            .singleUse()
            .executeQuery(
                Statement.newBuilder(
                        "SELECT COUNT(*) FROM AuditLog WHERE ExamId = @e AND Action = @a")
                    .bind("e")
                    .to(examId)
                    .bind("a")
                    .to(action)
                    .build())) {
      rows.next();
      return rows.getLong(0);
    }
  }

  private static List<TestCandidate> concat(List<TestCandidate> x, List<TestCandidate> y) {
    List<TestCandidate> all = new ArrayList<>(x);
    all.addAll(y);
    return all;
  }
}
