package io.examday.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The candidate page (exam-session's static resources) in headless Chromium against the packaged
 * exam-session and release-gateway: sign-in, the locked paper, the release, acknowledged saves, a
 * reload, a gateway restart, the submit; a proctor's pause, resume and extra time (exam-session's
 * API, Pub/Sub, the gateway's deadline frames). Every wait is on the page's own state.
 */
class CandidatePageIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String QUESTION = "What is 6 x 7?";
  private static final String CORRECTED = "What is 6 x 7 (in base ten)?";
  private static final String Q1 = ".question[data-question-id=\"q1\"]";
  private static final String Q2 = ".question[data-question-id=\"q2\"]";

  private static Platform platform;
  private static Chromium chromium;
  private static Cdp page;

  @BeforeAll
  static void start() throws Exception {
    platform = new Platform();
    chromium = Chromium.start();
    page = chromium.page();
    page.call("Page.enable", Map.of());
  }

  /** The services are stopped even when the browser's close fails (they would outlive the run). */
  @AfterAll
  static void stop() throws Exception {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (platform != null) {
        platform.close();
      }
    }
  }

  @Test
  void backoffScheduleClockAndCipherOfTheClientModule() {
    open();
    JsonNode result =
        page.eval(
            """
            import('/live.js').then(async (m) => {
              const caps = [...Array(9).keys()].map((a) => m.backoffCap(a));
              const draws = [...Array(500)].map(() => m.backoffDelay(3));
              const clock = new m.ServerClock();
              clock.heard(new Date(Date.now() + 60000).toISOString());
              const key = crypto.getRandomValues(new Uint8Array(32));
              const iv = crypto.getRandomValues(new Uint8Array(12));
              const aesKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
              const body = new Uint8Array(await crypto.subtle.encrypt(
                  {name: 'AES-GCM', iv, additionalData: new TextEncoder().encode('exam-a')},
                  aesKey, new TextEncoder().encode('{"title":"T"}')));
              const file = new Uint8Array(12 + body.length);
              file.set(iv); file.set(body, 12);
              const b64 = btoa(String.fromCharCode(...key));
              const opened = await m.decryptPaper(file.buffer, b64, 'exam-a');
              const wrongExam = await m.decryptPaper(file.buffer, b64, 'exam-b').then(() => 'opened', () => 'refused');
              return {caps, lowest: m.backoffDelay(5, () => 0), highest: m.backoffDelay(5, () => 0.999999),
                      min: Math.min(...draws), max: Math.max(...draws), distinct: new Set(draws).size,
                      untilInAMinute: clock.secondsUntil(new Date(Date.now() + 120000).toISOString()),
                      title: opened.title, wrongExam};
            })""");
    assertThat(result.get("caps").toString())
        .isEqualTo("[500,1000,2000,4000,8000,16000,30000,30000,30000]");
    assertThat(result.get("lowest").asInt()).isZero();
    assertThat(result.get("highest").asInt()).isBetween(15_900, 15_999);
    assertThat(result.get("min").asInt()).isGreaterThanOrEqualTo(0);
    assertThat(result.get("max").asInt()).isLessThan(4000);
    assertThat(result.get("distinct").asInt()).as("jittered, not fixed").isGreaterThan(100);
    assertThat(result.get("untilInAMinute").asInt())
        .as("server clock 60 s ahead")
        .isBetween(59, 60);
    assertThat(result.get("title").asText()).isEqualTo("T");
    assertThat(result.get("wrongExam").asText()).isEqualTo("refused");
  }

  /**
   * The page's per-candidate order (live.js) against the order written from docs/api.md: eight
   * questions of four options, two candidates; a paper without {@code shuffle} keeps its order.
   */
  @Test
  void aShuffledPaperIsOrderedPerCandidateAsDocumented() {
    open();
    List<String> ids = List.of("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8");
    List<String> options = List.of("alpha", "beta", "gamma", "delta");
    JsonNode result =
        page.eval(
            """
            import('/live.js').then(async (m) => {
              const ids = %s, options = %s;
              const paper = (shuffle) => ({title: 'T', shuffle,
                  questions: ids.map((id) => ({id, text: 'Q ' + id, options}))});
              const view = (p) => p.questions.map((q) => [q.id, ...q.options]);
              return {
                a: view(await m.arrangePaper(paper({questions: true, options: true}), 'session-a')),
                b: view(await m.arrangePaper(paper({questions: true, options: true}), 'session-b')),
                again: view(await m.arrangePaper(paper({questions: true, options: true}), 'session-a')),
                questionsOnly: view(await m.arrangePaper(paper({questions: true}), 'session-a')),
                plain: view(await m.arrangePaper(paper(undefined), 'session-a')),
              };
            })"""
                .formatted(jsonArray(ids), jsonArray(options)));
    for (String seed : List.of("session-a", "session-b")) {
      List<String> expected = new java.util.ArrayList<>();
      for (String id : CandidateOrder.of(seed, ids)) {
        expected.add(id + "," + String.join(",", CandidateOrder.of(seed + "\n" + id, options)));
      }
      assertThat(rows(result.get(seed.equals("session-a") ? "a" : "b"))).isEqualTo(expected);
    }
    assertThat(rows(result.get("again"))).isEqualTo(rows(result.get("a")));
    assertThat(rows(result.get("a"))).isNotEqualTo(rows(result.get("b")));
    assertThat(rows(result.get("questionsOnly")))
        .isEqualTo(
            CandidateOrder.of("session-a", ids).stream()
                .map(id -> id + ",alpha,beta,gamma,delta")
                .toList());
    assertThat(rows(result.get("plain")))
        .isEqualTo(ids.stream().map(id -> id + ",alpha,beta,gamma,delta").toList());
  }

  private static String jsonArray(List<String> items) {
    return items.stream()
        .map(i -> "'" + i + "'")
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }

  private static List<String> rows(JsonNode view) {
    List<String> rows = new java.util.ArrayList<>();
    view.forEach(
        row -> {
          List<String> cells = new java.util.ArrayList<>();
          row.forEach(cell -> cells.add(cell.asText()));
          rows.add(String.join(",", cells));
        });
    return rows;
  }

  @Test
  void candidateSitsTheExamFromSignInToSubmit() throws Exception {
    String examId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    String roll = examId + "-001";
    String digest = defineExam(examId, roll);

    // sign-in: a wrong code is explained, the right one waits for the start
    open();
    page.await("document.body.dataset.phase === 'login'", WAIT);
    signIn(roll, "wrong-code");
    page.await("document.getElementById('message').textContent.includes('wrong')", WAIT);
    assertThat(page.text("document.body.dataset.phase")).isEqualTo("login");
    signIn(roll, roll + "-code");
    page.await(
        "document.body.dataset.phase === 'waiting' && document.body.dataset.paper === 'encrypted'"
            + " && document.body.dataset.live === 'open'",
        WAIT);

    // before the release: the paper is on the page, encrypted, and no question is readable; the
    // countdown is written by the page's next timer tick (every 250 ms), so it is waited for
    page.await("document.getElementById('timer').textContent.startsWith('Starts in')", WAIT);
    assertThat(page.eval("document.querySelectorAll('.question').length").asInt()).isZero();
    assertThat(page.text("document.body.innerText")).doesNotContain(QUESTION).contains("Starts in");
    HttpResponse<byte[]> file = platform.download(platform.gatewayUrl() + "/papers/" + digest);
    assertThat(file.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(new String(file.body(), StandardCharsets.ISO_8859_1)).doesNotContain("6 x 7");
    String token = page.text("JSON.parse(sessionStorage.getItem('examday.login')).token");
    assertThat(
            platform.send("GET", sessionApi("/session"), token, null).json().get("status").asText())
        .isEqualTo("WAITING");

    // a corrected paper prepared while the candidate waits replaces the one on the page
    assertThat(page.text("document.body.dataset.paperDigest")).isEqualTo(digest);
    String corrected = preparePaper(examId, CORRECTED, true);
    assertThat(corrected).isNotEqualTo(digest);
    page.await(
        "document.body.dataset.paperDigest === '"
            + corrected
            + "' && document.body.dataset.paper === 'encrypted'",
        WAIT);

    // the release: the page gets the key over its socket and shows the decrypted questions
    Platform.Reply release =
        platform.send(
            "POST",
            platform.gatewayUrl() + "/api/v1/proctor/exams/" + examId + "/release",
            platform.proctorToken("proctor@e2e", "proctor"),
            Map.of("override", true, "reason", "browser test starts before the schedule"));
    assertThat(release.status()).as(release.json().toString()).isEqualTo(200);
    page.await(
        "document.body.dataset.paper === 'decrypted' && document.body.dataset.phase === 'active'"
            + " && document.querySelector('"
            + Q1
            + " legend').textContent.includes('"
            + CORRECTED
            + "')",
        WAIT);
    page.await("/\\d+:\\d\\d left/.test(document.getElementById('timer').textContent)", WAIT);
    // the corrected paper is shuffled: questions and options in this candidate's own order
    String sessionId = page.text("JSON.parse(sessionStorage.getItem('examday.login')).sessionId");
    List<String> shown =
        rows(
            page.eval(
                "[...document.querySelectorAll('.question')].map((q) => [q.dataset.questionId,"
                    + " ...[...q.querySelectorAll('input[type=radio]')].map((i) => i.value)])"));
    List<String> expected = new java.util.ArrayList<>();
    Map<String, List<String>> optionsOf =
        Map.of("q1", List.of("41", "42", "48"), "q2", List.of("4", "7"));
    for (String id : CandidateOrder.of(sessionId, List.of("q1", "q2"))) {
      expected.add(
          id + "," + String.join(",", CandidateOrder.of(sessionId + "\n" + id, optionsOf.get(id))));
    }
    assertThat(shown).isEqualTo(expected);
    Cdp.awaitTrue(
        () -> status(token).equals("ACTIVE"), WAIT, () -> "exam-session never saw the release");

    // a save is "saved" only once the server acknowledged it; a failed one says so and retries
    page.call(
        "Fetch.enable",
        Map.of("patterns", List.of(Map.of("urlPattern", "*/api/v1/session/answers*"))));
    page.eval("document.querySelector('" + Q1 + " input[value=\"42\"]').click()");
    JsonNode held = page.nextEvent("Fetch.requestPaused", WAIT);
    assertThat(saveState()).isEqualTo("saving");
    assertThat(answers(token)).isEmpty();
    page.call(
        "Fetch.failRequest",
        Map.of("requestId", held.get("requestId").asText(), "errorReason", "ConnectionRefused"));
    page.await(
        "document.querySelector('" + Q1 + " .save-status').dataset.state === 'retrying'", WAIT);
    assertThat(page.text("document.querySelector('" + Q1 + " .save-status').textContent"))
        .startsWith("Not saved, retrying");
    JsonNode retry = page.nextEvent("Fetch.requestPaused", WAIT);
    assertThat(retry.path("request").path("postData").asText()).contains("\"seq\":1");
    page.call("Fetch.continueRequest", Map.of("requestId", retry.get("requestId").asText()));
    page.await("document.querySelector('" + Q1 + " .save-status').dataset.state === 'saved'", WAIT);
    page.call("Fetch.disable", Map.of());
    assertThat(answers(token))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.get("value").asText()).isEqualTo("42");
              assertThat(a.get("seq").asLong()).isEqualTo(1);
            });

    // the next edit of the same question has the next sequence number
    page.eval("document.querySelector('" + Q1 + " input[value=\"48\"]').click()");
    page.await("document.querySelector('" + Q1 + " .save-status').dataset.state === 'saved'", WAIT);
    assertThat(answers(token))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.get("value").asText()).isEqualTo("48");
              assertThat(a.get("seq").asLong()).isEqualTo(2);
            });

    // a reload restores the signed-in session, the paper (key from the socket again) and answers
    page.call("Page.reload", Map.of());
    page.await(
        "document.body.dataset.paper === 'decrypted' && document.body.dataset.releases === '1'"
            + " && document.querySelector('"
            + Q1
            + " input[value=\"48\"]').checked"
            + " && document.querySelector('"
            + Q1
            + " .save-status').dataset.state === 'saved'",
        WAIT);

    // an edit the server never acknowledged survives a reload (kept on this device, sent again)
    page.call(
        "Fetch.enable",
        Map.of("patterns", List.of(Map.of("urlPattern", "*/api/v1/session/answers*"))));
    page.eval("document.querySelector('" + Q2 + " input[value=\"7\"]').click()");
    JsonNode unanswered = page.nextEvent("Fetch.requestPaused", WAIT);
    assertThat(unanswered.path("request").path("postData").asText()).contains("\"q2\"");
    page.call("Page.reload", Map.of()); // the request is never answered
    JsonNode resent = page.nextEvent("Fetch.requestPaused", WAIT);
    assertThat(resent.path("request").path("postData").asText())
        .contains("\"questionId\":\"q2\"", "\"seq\":1", "\"value\":\"7\"");
    page.await(
        "document.querySelector('"
            + Q2
            + " .save-status')?.dataset.state === 'saving'"
            + " && document.querySelector('"
            + Q2
            + " input[value=\"7\"]').checked",
        WAIT);
    assertThat(page.text("document.querySelector('" + Q2 + " .save-status').textContent"))
        .isEqualTo("Restored from this device, saving…");
    page.call("Fetch.continueRequest", Map.of("requestId", resent.get("requestId").asText()));
    page.await("document.querySelector('" + Q2 + " .save-status').dataset.state === 'saved'", WAIT);
    page.call("Fetch.disable", Map.of());
    assertThat(
            page.eval(
                    "Object.keys(localStorage).filter((k) => k.startsWith('examday.draft.')).length")
                .asInt())
        .as("an acknowledged edit leaves no draft behind")
        .isZero();

    // the gateway restarts: the page reconnects by itself and gets the release again
    platform.stopGateway();
    page.await(
        "document.body.dataset.live !== 'open' && Number(document.body.dataset.disconnects) >= 1",
        WAIT);
    platform.startGateway();
    page.await(
        "document.body.dataset.live === 'open' && document.body.dataset.releases === '2'",
        Duration.ofSeconds(45));
    assertThat(page.eval("document.querySelectorAll('.question').length").asInt()).isEqualTo(2);

    // a proctor's broadcast reaches the reconnected page
    Platform.Reply broadcast =
        platform.send(
            "POST",
            platform.gatewayUrl() + "/api/v1/proctor/exams/" + examId + "/broadcast",
            platform.proctorToken("proctor@e2e", "proctor"),
            Map.of("message", "Calculators may be used from now on."));
    assertThat(broadcast.status()).as(broadcast.json().toString()).isEqualTo(200);
    page.await(
        "document.getElementById('broadcasts').textContent.includes('Calculators may be used')",
        WAIT);

    // submit: two clicks, then the session is over, on the page and in exam-session
    page.eval("document.getElementById('submit').click()");
    page.await("!document.getElementById('submit-confirm').hidden", WAIT);
    page.eval("document.getElementById('submit-confirm').click()");
    page.await("document.body.dataset.phase === 'submitted'", WAIT);
    assertThat(page.text("document.body.innerText")).contains("submitted");
    assertThat(status(token)).isEqualTo("SUBMITTED");
    Platform.Reply late =
        platform.send(
            "PUT",
            sessionApi("/session/answers"),
            token,
            Map.of("answers", List.of(Map.of("questionId", "q1", "seq", 3, "value", "41"))));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("code").asText()).isEqualTo("SESSION_SUBMITTED");
    assertThat(answers(token))
        .extracting(a -> a.get("questionId").asText() + "=" + a.get("value").asText())
        .containsExactlyInAnyOrder("q1=48", "q2=7");
  }

  @Test
  void proctorPausesResumesAndGivesExtraTime() throws Exception {
    String examId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    String roll = examId + "-001";
    // 5 min 2 s: the gateway's 5-minute warning falls 2 s after the release
    defineExam(examId, roll, 302);
    open();
    page.await("document.body.dataset.phase === 'login'", WAIT);
    signIn(roll, roll + "-code");
    page.await(
        "document.body.dataset.phase === 'waiting' && document.body.dataset.live === 'open'", WAIT);
    String token = page.text("JSON.parse(sessionStorage.getItem('examday.login')).token");
    String sessionId = page.text("JSON.parse(sessionStorage.getItem('examday.login')).sessionId");
    String proctor = platform.proctorToken("proctor@e2e", "proctor");
    Platform.Reply release =
        platform.send(
            "POST",
            platform.gatewayUrl() + "/api/v1/proctor/exams/" + examId + "/release",
            proctor,
            Map.of("override", true, "reason", "browser test starts before the schedule"));
    assertThat(release.status()).as(release.json().toString()).isEqualTo(200);
    page.await(
        "document.body.dataset.phase === 'active' && document.body.dataset.paper === 'decrypted'"
            + " && /^(\\d+:)?\\d+:\\d\\d left$/.test(document.getElementById('timer').textContent)",
        WAIT);
    awaitTimerTicks(); // running: the timer goes down
    long deadlineBefore = pageDeadline();
    page.await("document.getElementById('warning').textContent === '5 minutes left.'", WAIT);

    // pause: the page says so, disables the answers and the timer stands still
    Platform.Reply pause =
        proctorAction(proctor, sessionId, "pause", Map.of("reason", "fire alarm"));
    assertThat(pause.status()).as(pause.json().toString()).isEqualTo(200);
    assertThat(pause.json().get("status").asText()).isEqualTo("PAUSED");
    page.await(
        "document.body.dataset.phase === 'paused'"
            + " && /^Paused: (\\d+:)?\\d+:\\d\\d left$/.test(document.getElementById('timer').textContent)"
            + " && document.getElementById('message').textContent.includes('paused your exam')",
        WAIT);
    assertThat(page.eval("document.querySelector('" + Q1 + " input').disabled").asBoolean())
        .isTrue();
    String paused = page.text("document.getElementById('timer').textContent");
    JsonNode shown = timerTextsFor(Duration.ofMillis(2500));
    assertThat(shown.toString()).as("frozen while paused").isEqualTo("[\"" + paused + "\"]");
    JsonNode state = platform.send("GET", sessionApi("/session"), token, null).json();
    assertThat(state.get("status").asText()).isEqualTo("PAUSED");
    long frozen = seconds(paused.substring("Paused: ".length()));
    assertThat(frozen).isEqualTo(state.get("remainingSeconds").asLong());

    // resume: the timer runs again, from where it stood (the deadline moved by the pause)
    Platform.Reply resume =
        proctorAction(proctor, sessionId, "resume", Map.of("reason", "alarm over"));
    assertThat(resume.status()).as(resume.json().toString()).isEqualTo(200);
    page.await(
        "document.body.dataset.phase === 'active'"
            + " && /^(\\d+:)?\\d+:\\d\\d left$/.test(document.getElementById('timer').textContent)"
            + " && !document.getElementById('message').textContent.includes('paused')",
        WAIT);
    assertThat(page.eval("document.querySelector('" + Q1 + " input').disabled").asBoolean())
        .isFalse();
    awaitTimerTicks();
    long deadlineResumed = pageDeadline();
    assertThat(deadlineResumed - deadlineBefore)
        .as("the deadline moved by the pause (watched for 2.5 s; paused time counts in seconds)")
        .isBetween(2000L, WAIT.toMillis());
    assertThat(timerSeconds()).as("runs on from where it stood").isLessThanOrEqualTo(frozen);

    // extra time: the page's deadline and timer move by the granted 5 minutes
    long leftBefore = timerSeconds();
    Platform.Reply extra =
        proctorAction(
            proctor, sessionId, "extra-time", Map.of("seconds", 300, "reason", "lost time"));
    assertThat(extra.status()).as(extra.json().toString()).isEqualTo(200);
    page.await(
        "Date.parse(document.body.dataset.deadline) === " + (deadlineResumed + 300_000), WAIT);
    assertThat(timerSeconds()).isBetween(leftBefore + 290, leftBefore + 300);
    assertThat(page.text("document.getElementById('warning').textContent"))
        .as("more than 5 minutes left again: the warning is gone")
        .isEmpty();
    assertThat(
            Instant.parse(
                    platform
                        .send("GET", sessionApi("/session"), token, null)
                        .json()
                        .get("deadline")
                        .asText())
                .toEpochMilli())
        .isEqualTo(deadlineResumed + 300_000);
    assertThat(page.text("document.body.dataset.phase")).isEqualTo("active");
  }

  private static Platform.Reply proctorAction(
      String proctor, String sessionId, String action, Map<String, ?> body) throws Exception {
    return platform.send(
        "POST", sessionApi("/proctor/sessions/" + sessionId + "/" + action), proctor, body);
  }

  /** Waits until the running timer shows another value than now. */
  private static void awaitTimerTicks() {
    String now = page.text("document.getElementById('timer').textContent");
    page.await(
        "document.getElementById('timer').textContent !== '" + now + "'", Duration.ofSeconds(5));
  }

  /** Every text the timer shows during the window (sampled in the page every 50 ms). */
  private static JsonNode timerTextsFor(Duration window) {
    return page.eval(
        "new Promise((done) => { const seen = new Set();"
            + " const sample = setInterval(() => seen.add(document.getElementById('timer').textContent), 50);"
            + " setTimeout(() => { clearInterval(sample); done([...seen]); }, "
            + window.toMillis()
            + "); })");
  }

  /** The deadline the page counts down to, epoch milliseconds. */
  private static long pageDeadline() {
    return page.eval("Date.parse(document.body.dataset.deadline)").asLong();
  }

  private static long timerSeconds() {
    return seconds(page.text("document.getElementById('timer').textContent").replace(" left", ""));
  }

  /** "h:mm:ss" or "m:ss" as seconds. */
  private static long seconds(String shown) {
    long total = 0;
    for (String part : shown.replace(" left", "").trim().split(":")) {
      total = total * 60 + Long.parseLong(part);
    }
    return total;
  }

  /** An exam 10 minutes from now with one candidate and a prepared paper; answers its digest. */
  private static String defineExam(String examId, String roll) throws Exception {
    return defineExam(examId, roll, 3600);
  }

  /** As {@link #defineExam(String, String)}, lasting {@code durationSeconds}. */
  private static String defineExam(String examId, String roll, int durationSeconds)
      throws Exception {
    String admin = platform.proctorToken("admin@e2e", "exam-admin");
    Platform.Reply exam =
        platform.send(
            "PUT",
            sessionApi("/admin/exams/" + examId),
            admin,
            Map.of(
                "title",
                "Browser test",
                "scheduledStart",
                Instant.now().plus(10, ChronoUnit.MINUTES).toString(),
                "durationSeconds",
                durationSeconds,
                "graceSeconds",
                30,
                "questionIds",
                List.of("q1", "q2")));
    assertThat(exam.status()).as(exam.json().toString()).isBetween(200, 204);
    Platform.Reply candidates =
        platform.send(
            "POST",
            sessionApi("/admin/exams/" + examId + "/candidates"),
            admin,
            Map.of(
                "candidates",
                List.of(
                    Map.of(
                        "rollNumber", roll, "accessCode", roll + "-code", "extraTimeSeconds", 0))));
    assertThat(candidates.status()).as(candidates.json().toString()).isBetween(200, 204);
    return preparePaper(examId, QUESTION, false);
  }

  /**
   * Prepares (or prepares again) the exam's paper with this first question, its questions and
   * options in each candidate's own order if {@code shuffled}; answers its digest.
   */
  private static String preparePaper(String examId, String firstQuestion, boolean shuffled)
      throws Exception {
    String admin = platform.proctorToken("admin@e2e", "exam-admin");
    Platform.Reply paper =
        platform.send(
            "POST",
            platform.gatewayUrl() + "/api/v1/admin/exams/" + examId + "/paper",
            admin,
            Map.of(
                "title",
                "Browser test",
                "shuffle",
                Map.of("questions", shuffled, "options", shuffled),
                "questions",
                List.of(
                    Map.of("id", "q1", "text", firstQuestion, "options", List.of("41", "42", "48")),
                    Map.of(
                        "id",
                        "q2",
                        "text",
                        "Name a prime number.",
                        "options",
                        List.of("4", "7")))));
    assertThat(paper.status()).as(paper.json().toString()).isEqualTo(200);
    return paper.json().get("paperDigest").asText();
  }

  /** The page, signed out: another test's sign-in (in sessionStorage) is forgotten first. */
  private static void open() {
    page.eval("try { sessionStorage.clear(); } catch (e) {}");
    page.call("Page.navigate", Map.of("url", platform.sessionUrl() + "/"));
    page.await(
        "document.readyState === 'complete' && document.body.dataset.phase !== 'starting'", WAIT);
  }

  private static void signIn(String roll, String code) {
    page.eval(
        "document.getElementById('roll').value = '"
            + roll
            + "';"
            + "document.getElementById('code').value = '"
            + code
            + "';"
            + "document.getElementById('login-button').click()");
  }

  private static String saveState() {
    return page.text("document.querySelector('" + Q1 + " .save-status').dataset.state");
  }

  private static String sessionApi(String path) {
    return platform.sessionUrl() + "/api/v1" + path;
  }

  private static String status(String token) {
    try {
      return platform
          .send("GET", sessionApi("/session"), token, null)
          .json()
          .get("status")
          .asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> answers(String token) throws Exception {
    JsonNode state = platform.send("GET", sessionApi("/session"), token, null).json();
    List<JsonNode> answers = new java.util.ArrayList<>();
    state.withArray("answers").forEach(answers::add);
    return answers;
  }
}
