package io.examday.loadtest.rehearsal;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.examday.loadtest.acklog.AckLogReader;
import io.examday.loadtest.acklog.AckLogWriter;
import io.examday.loadtest.acklog.ValueHash;
import io.examday.loadtest.rehearsal.SavePlan.Save;
import io.examday.loadtest.rehearsal.ShardMetrics.Latency;
import io.examday.loadtest.rehearsal.ShardMetrics.Step;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.Http;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.gatling.javaapi.http.WsConnectActionBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The exam day at its real shape, for one shard of candidates (see {@link RehearsalPlan}): every
 * candidate logs in, downloads the encrypted paper and opens the live WebSocket within the ramp;
 * the proctor (shard 0) releases at the scheduled start; every candidate waits for the key, then
 * answers with think time, revisits some questions, a fraction reconnects, most submit and the rest
 * are submitted by the deadline. Every autosave is logged before it is sent and again when
 * acknowledged ({@link io.examday.loadtest.acklog}).
 *
 * <p>Configured by the environment (the Gatling Maven plugin forks the JVM, the environment
 * survives): {@code EXAMDAY_REHEARSAL_PLAN} (path of plan.json), {@code EXAMDAY_REHEARSAL_SHARD}.
 */
public class RehearsalSimulation extends Simulation {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Session attributes of {@link #retried}: attempts made, last status, the candidate's
   * exam-session instance and release-gateway instance.
   */
  private static final String ATTEMPT = "attempt";

  private static final String HTTP_STATUS = "httpStatus";
  private static final String INSTANCE = "sessionInstance";
  private static final String GATEWAY = "gatewayInstance";

  /**
   * Session attributes of {@link #live}: socket attempts made, when the current one started, when
   * its hello came (epoch ms), whether the herd's hello was counted.
   */
  private static final String SOCKET_ATTEMPT = "socketAttempt";

  private static final String SOCKET_START = "socketStartMs";
  private static final String HELLO = "hello";
  private static final String HELLO_COUNTED = "helloCounted";
  private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(30);

  /**
   * A check that ends this much before its time-out ended early: the socket closed or never opened
   * (a time-out means the socket is open and the page keeps waiting on it, so no new socket).
   */
  private static final long TIMEOUT_MARGIN_MS = 500;

  /** How long after the scheduled release a candidate keeps waiting for the key. */
  private static final Duration RELEASE_PATIENCE = Duration.ofSeconds(60);

  /**
   * A socket opened after the release (a reconnect, a late joiner) gets the key right after its
   * hello: it waits this long for it. (It used to wait only until release + patience, which
   * mid-exam had passed: the wait shrank to 1 ms, and a key that came 2 ms after the hello counted
   * as a failed reconnect.)
   */
  private static final Duration RELEASE_AFTER_CONNECT = Duration.ofSeconds(10);

  /**
   * exam-session closes overdue sessions on a sweep (every 5 s); the proctor first looks this long
   * after deadline + grace, then every {@link #SWEEP_POLL} until none is left ACTIVE, for at most
   * {@link #SWEEP_ALLOWANCE} (the time it took is {@code all_closed_ms}).
   */
  private static final Duration SWEEP_FIRST_LOOK = Duration.ofSeconds(10);

  private static final Duration SWEEP_POLL = Duration.ofSeconds(2);
  private static final Duration SWEEP_ALLOWANCE = Duration.ofSeconds(120);
  private static final String OPEN = "openSessions";
  private static final String OUT_OF_TIME = "outOfTime";
  private static final String DEADLINE_MS = "deadlineMs";

  private final int shard =
      Integer.parseInt(System.getenv().getOrDefault("EXAMDAY_REHEARSAL_SHARD", "0"));
  private final RehearsalPlan plan =
      RehearsalPlan.read(Path.of(System.getenv("EXAMDAY_REHEARSAL_PLAN"))).forShard(shard);
  private final Path runDir = Path.of(plan.runDir());
  private final ShardMetrics metrics = new ShardMetrics();
  private final AckLogWriter ackLog =
      AckLogWriter.create(runDir.resolve("shard-" + shard + AckLogReader.SUFFIX));
  private final ProctorTokens tokens = ProctorTokens.fromPem(Path.of(plan.proctorKey()));

  {
    // a killed load generator still leaves every accepted record on disk
    Runtime.getRuntime().addShutdownHook(new Thread(ackLog::close, "acklog-close"));
    HttpProtocolBuilder protocol =
        // one pool for all candidates, unbounded (maxConnectionsPerHost is per virtual user): in
        // the herd up to one HTTP connection per candidate beside its WebSocket, which is what
        // sizes a shard (REHEARSAL_CANDIDATES_PER_SHARD)
        http.shareConnections()
            // no source address: each shard reaches the services on a loopback address of its own
            // (RehearsalPlan.forShard), which gives it its own ~28,000 ephemeral ports per service
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .wsAutoReplyTextFrame(
                text -> text.contains("\"type\":\"ping\"") ? "{\"type\":\"pong\"}" : null);

    int candidates = plan.candidatesOfShard(shard);
    List<PopulationBuilder> populations = new ArrayList<>();
    populations.add(
        candidate()
            .injectOpen(rampUsers(candidates).during(Duration.ofSeconds(plan.rampSeconds()))));
    if (shard == 0) {
      populations.add(proctor().injectOpen(atOnceUsers(1)));
    }
    List<Assertion> assertions = new ArrayList<>();
    assertions.add(details("release").successfulRequests().count().is((long) candidates));
    if (plan.faults().isEmpty()) {
      assertions.add(details("autosave").failedRequests().count().is(0L));
      assertions.add(details("autosave").responseTime().percentile(99.0).lt(plan.ackP99TargetMs()));
      assertions.add(global().failedRequests().count().is(0L));
    }
    // with faults planned, requests are refused or unanswered on purpose: what counts is the
    // candidate's outcome after its retries (ShardMetrics, judged by the summary), not each attempt
    setUp(populations).protocols(protocol).assertions(assertions);
  }

  /**
   * An exam-session request as the candidate page sends it: sent again after no answer or a "try
   * again" ({@link Retries}), with the page's backoff; no answer also moves the candidate to the
   * next instance. The first attempt is reported under {@code name}, the others under {@code name +
   * " retry"}; the status is saved before the caller's checks, so a failed check still tells why.
   */
  private ChainBuilder retried(
      String name, Function<Http, HttpRequestActionBuilder> request, CheckBuilder... checks) {
    return retried(name, INSTANCE, request, checks);
  }

  /** {@link #retried} on the instances numbered by the session attribute {@code instance}. */
  private ChainBuilder retried(
      String name,
      String instance,
      Function<Http, HttpRequestActionBuilder> request,
      CheckBuilder... checks) {
    return exec(s -> s.set(ATTEMPT, 0))
        .asLongAs(
            s ->
                s.getInt(ATTEMPT) == 0
                    || (s.isFailed() && Retries.again(s.getInt(ATTEMPT), httpStatus(s))))
        .on(
            exec(s -> beforeAttempt(s, name)),
            pause(s -> Retries.delay(s.getInt(ATTEMPT), ThreadLocalRandom.current()::nextDouble)),
            exec(
                request
                    .apply(http(s -> s.getInt(ATTEMPT) == 0 ? name : name + " retry"))
                    .check(status().saveAs(HTTP_STATUS))
                    .check(checks)),
            exec(s -> afterAttempt(s, instance)));
  }

  private Session beforeAttempt(Session s, String name) {
    if (s.getInt(ATTEMPT) == 0) {
      return s.remove(HTTP_STATUS);
    }
    metrics.retried(name);
    return s.markAsSucceeded().remove(HTTP_STATUS);
  }

  private Session afterAttempt(Session s, String instance) {
    Session next = s.set(ATTEMPT, s.getInt(ATTEMPT) + 1);
    return s.isFailed() && Retries.unanswered(httpStatus(s))
        ? next.set(instance, next.getInt(instance) + 1)
        : next;
  }

  private static Integer httpStatus(Session s) {
    return s.contains(HTTP_STATUS) ? s.getInt(HTTP_STATUS) : null;
  }

  /** The URL of an exam-session path on the candidate's current instance. */
  private Function<Session, String> session(String path) {
    return s -> plan.sessionUrl(s.getInt(INSTANCE)) + path;
  }

  /** The URL of a release-gateway path on the candidate's (or proctor's) current instance. */
  private Function<Session, String> gateway(String path) {
    return s -> plan.gatewayUrl(s.getInt(GATEWAY)) + path;
  }

  private ScenarioBuilder candidate() {
    return scenario("candidate")
        .feed(feeder())
        .exec(this::beforeLogin)
        .exec(
            retried(
                "login",
                h -> h.post(session("/api/v1/login")).body(StringBody(this::loginBody)),
                status().is(200),
                jsonPath("$.token").saveAs("token"),
                jsonPath("$.sessionId").saveAs("sessionId")))
        .exec(s -> counted(s, Step.LOGIN))
        .exec(s -> timed(s, Latency.LOGIN, "loginStartMs"))
        .exitHereIfFailed()
        // the page shows the session (status, timer) once after login, spread over the ramp
        .exec(sessionState("session", "WAITING", "ACTIVE"))
        .exec(s -> counted(s, Step.SESSION))
        .exitHereIfFailed()
        .exec(
            retried(
                "paper",
                GATEWAY,
                h ->
                    h.get(gateway("/papers/" + plan.paperDigest()))
                        .header("Accept", "application/octet-stream"),
                status().is(200)))
        .exec(s -> counted(s, Step.PAPER))
        .exitHereIfFailed()
        .exec(live("connect", "release", true))
        .exec(this::afterConnect)
        .exitHereIfFailed()
        .exec(s -> s.set(OUT_OF_TIME, false))
        .foreach(s -> s.getList("saves"), "save", "saveIndex")
        .on(
            pause(s -> thinkTime(s)),
            exec(this::checkTimeLeft),
            doIf(s -> !s.getBoolean(OUT_OF_TIME))
                .then(
                    exec(reconnectHalfway()),
                    exec(reopenIfLost()),
                    exec(this::beforeSave),
                    exec(
                        retried(
                            "autosave",
                            h ->
                                h.put(session("/api/v1/session/answers"))
                                    .header("Authorization", "Bearer #{token}")
                                    .body(StringBody(this::saveBody)),
                            status().is(200),
                            jsonPath("$.acks[0].questionId").is(s -> save(s).questionId()),
                            jsonPath("$.acks[0].seq").ofLong().is(s -> save(s).seq()),
                            jsonPath("$.acks[0].status").is("SAVED").saveAs("ackStatus"))),
                    exec(this::afterSave)))
        // out of time, the page stops and the server's deadline submits the session
        .doIfOrElse(s -> s.getBoolean("autosubmit") || s.getBoolean(OUT_OF_TIME))
        .then(exec(ws("leave").wsName("live").close()))
        .orElse(
            exec(retried(
                    "submit",
                    h ->
                        h.post(session("/api/v1/session/submit"))
                            .header("Authorization", "Bearer #{token}"),
                    status().is(200),
                    jsonPath("$.status").is("SUBMITTED")))
                .exec(s -> counted(s, Step.SUBMIT))
                .exec(ws("leave").wsName("live").close()));
  }

  /**
   * The live socket as the candidate page keeps it ({@code live.js}): opened, and opened again with
   * the page's backoff ({@link Retries#delay}) on the next gateway instance whenever it closes or
   * does not open before the key came (its gateway is gone; in production the load balancer picks a
   * live one). The harness gives up after {@link Retries#MAX_ATTEMPTS}, the page never does.
   */
  private ChainBuilder live(String name, String releaseName, boolean herd) {
    return exec(s -> s.set(SOCKET_ATTEMPT, 0))
        .asLongAs(s -> s.getInt(SOCKET_ATTEMPT) == 0 || socketLost(s))
        .on(
            doIf(s -> s.getInt(SOCKET_ATTEMPT) > 0)
                .then(
                    exec(ws("discard").wsName("live").close())
                        .exec(s -> lostSocketDiscarded(s, name))),
            pause(
                s ->
                    Retries.delay(
                        s.getInt(SOCKET_ATTEMPT), ThreadLocalRandom.current()::nextDouble)),
            exec(
                s ->
                    s.set(SOCKET_START, System.currentTimeMillis())
                        .remove(HELLO)
                        .remove("releasedAt")
                        .remove("releasedBeforeHello")),
            exec(connect(name, releaseName)),
            exec(s -> afterSocketAttempt(s, herd)));
  }

  /**
   * Whether the socket attempt just made ended early without the key: it did not open, or it closed
   * before its waits timed out. Such a socket is opened again; a wait that timed out is not.
   */
  private boolean socketLost(Session s) {
    if (!s.isFailed()
        || s.contains("releasedAt")
        || s.getInt(SOCKET_ATTEMPT) >= Retries.MAX_ATTEMPTS) {
      return false;
    }
    long waitsEnd =
        s.contains(HELLO)
            ? Math.max(
                plan.releaseAtEpochMs() + RELEASE_PATIENCE.toMillis(),
                s.getLong(HELLO) + RELEASE_AFTER_CONNECT.toMillis())
            : s.getLong(SOCKET_START) + HELLO_TIMEOUT.toMillis();
    return System.currentTimeMillis() < waitsEnd - TIMEOUT_MARGIN_MS;
  }

  /** The lost socket is closed on the client side (Gatling reports that close as failed). */
  private Session lostSocketDiscarded(Session s, String name) {
    metrics.retried(name);
    return s.markAsSucceeded();
  }

  private Session afterSocketAttempt(Session s, boolean herd) {
    Session next = s.set(SOCKET_ATTEMPT, s.getInt(SOCKET_ATTEMPT) + 1);
    if (herd && s.contains(HELLO) && !s.contains(HELLO_COUNTED)) {
      metrics.connected(s.getLong(HELLO));
      next = next.set(HELLO_COUNTED, true);
    }
    return s.isFailed() && !s.contains("releasedAt")
        ? next.set(GATEWAY, next.getInt(GATEWAY) + 1)
        : next;
  }

  /** Opens the live socket and waits for the hello, then for the release (the key). */
  private WsConnectActionBuilder connect(String name, String releaseName) {
    return ws(name)
        .wsName("live")
        .connect(
            s ->
                plan.liveUrl(s.getInt(GATEWAY))
                    + "/v1/exams/"
                    + plan.examId()
                    + "/live?access_token="
                    + s.getString("token"))
        .await(HELLO_TIMEOUT)
        .on(
            ws.checkTextMessage(name + " hello")
                .matching(jsonPath("$.type").is("hello"))
                .check(
                    // a check transform is the one hook that runs the moment the frame arrives
                    jsonPath("$.type").transform(type -> System.currentTimeMillis()).saveAs(HELLO),
                    jsonPath("$.releasedAt").optional().saveAs("releasedBeforeHello")))
        .await(s -> max(untilReleasePatienceEnds(), RELEASE_AFTER_CONNECT))
        .on(
            ws.checkTextMessage(releaseName)
                .matching(jsonPath("$.type").is("release"))
                .check(jsonPath("$.key").exists(), jsonPath("$.releasedAt").saveAs("releasedAt")));
  }

  /** {@code GET /api/v1/session}: the state the page shows, and the resume after a reconnect. */
  private ChainBuilder sessionState(String name, String... expectedStatus) {
    return retried(
        name,
        h -> h.get(session("/api/v1/session")).header("Authorization", "Bearer #{token}"),
        status().is(200),
        jsonPath("$.status").in(expectedStatus));
  }

  private ChainBuilder reconnectHalfway() {
    return doIf(s ->
            s.getBoolean("reconnects") && s.getInt("saveIndex") == s.getList("saves").size() / 2)
        .then(
            exec(ws("drop").wsName("live").close())
                // a socket its gateway dropped earlier is just as gone: the page opens a new one
                .exec(Session::markAsSucceeded)
                .exec(live("reconnect", "release again", false))
                .exec(sessionState("resume", "ACTIVE"))
                .exec(s -> reopened(s, Step.RECONNECT)));
  }

  /** A socket opened again mid-exam: it counts if the key came again; the candidate goes on. */
  private Session reopened(Session s, Step step) {
    if (s.contains("releasedAt") && !s.isFailed()) {
      metrics.ok(step);
    } else {
      metrics.failed(step);
    }
    return s.markAsSucceeded();
  }

  /**
   * The page learns at once that its socket closed (onclose) and opens another; the harness, which
   * cannot see a socket close between two actions, finds out before each save by sending a pong (a
   * lost socket refuses it) and then does the same. Only with faults planned, so a run without
   * faults sends what it always sent.
   */
  private ChainBuilder reopenIfLost() {
    return doIf(s -> !plan.faults().isEmpty())
        .then(
            exec(ws("socket check").wsName("live").sendText("{\"type\":\"pong\"}"))
                .doIf(Session::isFailed)
                .then(
                    exec(ws("discard").wsName("live").close())
                        .exec(Session::markAsSucceeded)
                        .exec(live("reopen", "release after reopen", false))
                        .exec(s -> reopened(s, Step.SOCKET_REOPENED))));
  }

  private ScenarioBuilder proctor() {
    String examPath = "/api/v1/proctor/exams/" + plan.examId();
    return scenario("proctor")
        .exec(s -> s.set(INSTANCE, 0).set(GATEWAY, 0))
        .pause(s -> untilEpochMs(plan.releaseAtEpochMs()))
        .exec(
            // a release is idempotent: a repeat returns the first release
            retried(
                "release command",
                GATEWAY,
                h ->
                    h.post(gateway(examPath + "/release"))
                        .header("Authorization", s -> "Bearer " + tokens.proctor())
                        .body(StringBody("{\"override\":false,\"reason\":\"exam-day rehearsal\"}")),
                status().is(200),
                jsonPath("$.releasedAt").exists()))
        // as a proctor watching the list: until no session is left ACTIVE, or the allowance ends
        .pause(s -> untilEpochMs(deadlineEpochMs() + SWEEP_FIRST_LOOK.toMillis()))
        .exec(s -> s.set(OPEN, -1))
        .asLongAs(
            s ->
                s.getInt(OPEN) != 0
                    && System.currentTimeMillis() < deadlineEpochMs() + SWEEP_ALLOWANCE.toMillis())
        .on(
            exec(
                retried(
                    "sessions left open",
                    h -> openSessions(h, examPath),
                    status().is(200),
                    jsonPath("$.sessions[*]").count().saveAs(OPEN))),
            doIf(s -> s.getInt(OPEN) != 0).then(pause(SWEEP_POLL)))
        .exec(
            s -> {
              if (s.getInt(OPEN) == 0) {
                metrics.latency(
                    ShardMetrics.Latency.ALL_CLOSED,
                    System.currentTimeMillis() - deadlineEpochMs());
              }
              return s;
            })
        .exec(
            retried(
                "no session left open",
                h -> openSessions(h, examPath),
                status().is(200),
                jsonPath("$.sessions[*]").count().is(0)));
  }

  private HttpRequestActionBuilder openSessions(Http h, String examPath) {
    return h.get(session(examPath + "/sessions?status=ACTIVE"))
        .header("Authorization", s -> "Bearer " + tokens.proctor());
  }

  private Iterator<Map<String, Object>> feeder() {
    return IntStream.range(0, plan.candidatesOfShard(shard))
        .mapToObj(
            n -> {
              int index = plan.candidateIndex(shard, n);
              SplittableRandom rnd = new SplittableRandom(index);
              Map<String, Object> row = new HashMap<>();
              row.put("index", index);
              row.put(INSTANCE, plan.sessionInstance(index));
              row.put(GATEWAY, plan.gatewayInstance(index));
              row.put("saves", SavePlan.of(plan.questionIds(), plan.reanswerRate(), rnd));
              row.put("reconnects", rnd.nextDouble() < plan.reconnectRate());
              row.put("autosubmit", rnd.nextDouble() < plan.autosubmitRate());
              return row;
            })
        .iterator();
  }

  private Session beforeLogin(Session s) {
    long now = System.currentTimeMillis();
    metrics.loginStarted(now);
    return s.set("loginStartMs", now);
  }

  private String loginBody(Session s) {
    int index = s.getInt("index");
    return json(
        Map.of(
            "rollNumber", Credentials.rollNumber(plan.runId(), index),
            "accessCode", Credentials.accessCode(plan.runId(), index)));
  }

  /**
   * The page stops saving when its timer reaches the deadline (release + duration; these candidates
   * have no extra time), so a candidate that joined so late that its answers outlast the exam stops
   * there too: counted once as {@code out_of_time}, not as a failed save.
   */
  private Session checkTimeLeft(Session s) {
    if (s.getBoolean(OUT_OF_TIME) || !s.contains(DEADLINE_MS)) {
      return s;
    }
    if (System.currentTimeMillis() < s.getLong(DEADLINE_MS)) {
      return s;
    }
    metrics.ok(Step.OUT_OF_TIME);
    return s.set(OUT_OF_TIME, true);
  }

  private Session afterConnect(Session s) {
    if (!s.contains(HELLO)) {
      metrics.failed(Step.CONNECT);
      return s;
    }
    metrics.ok(Step.CONNECT);
    if (!s.contains("releasedAt")) {
      metrics.failed(Step.RELEASE);
      return s;
    }
    metrics.ok(Step.RELEASE);
    s =
        s.set(
            DEADLINE_MS,
            Instant.parse(s.getString("releasedAt")).toEpochMilli()
                + plan.durationSeconds() * 1000L);
    if (s.contains("releasedBeforeHello")) {
      // connected after the release: got the key at once, but that is no fan-out latency
      metrics.ok(Step.LATE_JOIN);
      return s;
    }
    long releasedAt = Instant.parse(s.getString("releasedAt")).toEpochMilli();
    metrics.latency(Latency.RELEASE, System.currentTimeMillis() - releasedAt);
    return s;
  }

  private Session beforeSave(Session s) {
    Save save = save(s);
    ackLog.sent(s.getString("sessionId"), save.questionId(), save.seq(), hash(save));
    return s.remove("ackStatus").set("saveStartNs", System.nanoTime());
  }

  private String saveBody(Session s) {
    Save save = save(s);
    return json(
        Map.of(
            "answers",
            List.of(
                Map.of(
                    "questionId", save.questionId(), "seq", save.seq(), "value", save.value()))));
  }

  private Session afterSave(Session s) {
    Save save = save(s);
    if (s.contains("ackStatus")) {
      ackLog.acked(s.getString("sessionId"), save.questionId(), save.seq(), hash(save));
      metrics.ok(Step.AUTOSAVE);
      metrics.latency(
          Latency.AUTOSAVE_ACK, (System.nanoTime() - s.getLong("saveStartNs")) / 1_000_000);
    } else {
      metrics.failed(Step.AUTOSAVE);
    }
    // one failed save must not end the candidate: the next edit is saved with a higher seq
    return s.markAsSucceeded();
  }

  private Duration thinkTime(Session s) {
    SplittableRandom rnd = new SplittableRandom(s.getInt("index") * 31L + s.getInt("saveIndex"));
    return Duration.ofMillis((long) (plan.saveEverySeconds() * 1000 * (0.5 + rnd.nextDouble())));
  }

  private Session counted(Session s, Step step) {
    if (s.isFailed()) {
      metrics.failed(step);
    } else {
      metrics.ok(step);
    }
    return s;
  }

  private Session timed(Session s, Latency latency, String startAttribute) {
    if (!s.isFailed()) {
      metrics.latency(latency, System.currentTimeMillis() - s.getLong(startAttribute));
    }
    return s;
  }

  private static Save save(Session s) {
    return s.get("save");
  }

  private static String hash(Save save) {
    return ValueHash.sha256Hex(save.value());
  }

  private long deadlineEpochMs() {
    return plan.releaseAtEpochMs() + (plan.durationSeconds() + plan.graceSeconds()) * 1000L;
  }

  private Duration untilReleasePatienceEnds() {
    return untilEpochMs(plan.releaseAtEpochMs() + RELEASE_PATIENCE.toMillis());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration untilEpochMs(long epochMs) {
    return Duration.ofMillis(Math.max(1, epochMs - System.currentTimeMillis()));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void after() {
    ackLog.close();
    metrics.write(runDir.resolve("shard-" + shard + ".metrics.json"));
  }
}
