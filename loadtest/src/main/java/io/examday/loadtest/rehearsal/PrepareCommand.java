package io.examday.loadtest.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Step 1 of a rehearsal: creates the exam, imports the candidates, uploads the paper and writes
 * {@code plan.json}. The release is scheduled after every shard has had time to start and ramp.
 *
 * <p>{@code PrepareCommand --run-dir D --candidates N --ramp-seconds R --questions Q --save-every S
 * --session-url U [--session-url U ...] --gateway-url U [--gateway-url U ...] [--live-url U ...]
 * --proctor-key PEM [--shards K] [--reanswer 0.3] [--reconnect 0.1] [--autosubmit 0.1]
 * [--ack-p99-ms 500] [--startup-seconds 25] [--release-delay-seconds 5] [--grace-seconds 10]}
 */
public final class PrepareCommand {

  /** Margin on the expected exam length so slow candidates still finish before the deadline. */
  private static final double DURATION_MARGIN = 1.6;

  private static final int DURATION_SLACK_SECONDS = 30;

  /** exam-session refuses a shorter exam (PUT /api/v1/admin/exams: durationSeconds >= 60). */
  static final int MIN_DURATION_SECONDS = 60;

  private PrepareCommand() {}

  /**
   * The exam's duration: a candidate's answers and re-answers at the mean save interval, with a
   * margin and slack, and never under what exam-session accepts (a short smoke run still asks it
   * for a valid exam).
   */
  static int durationSeconds(int questions, double reanswer, double saveEverySeconds) {
    int needed =
        (int) Math.ceil(questions * (1 + reanswer) * saveEverySeconds * DURATION_MARGIN)
            + DURATION_SLACK_SECONDS;
    return Math.max(MIN_DURATION_SECONDS, needed);
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path runDir = Path.of(o.string("run-dir"));
    Files.createDirectories(runDir);
    String runId = runDir.getFileName().toString();
    int candidates = o.integer("candidates", 5000);
    int ramp = o.integer("ramp-seconds", 30);
    int questionCount = o.integer("questions", 10);
    double saveEvery = o.decimal("save-every", 5);
    double reanswer = o.decimal("reanswer", 0.3);
    int grace = o.integer("grace-seconds", 10);
    List<String> questions = new ArrayList<>();
    for (int i = 1; i <= questionCount; i++) {
      questions.add("q" + i);
    }
    int duration = durationSeconds(questionCount, reanswer, saveEvery);
    String examId = "rehearsal-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> gateways = o.all("gateway-url");
    ProctorTokens tokens = ProctorTokens.fromPem(Path.of(o.string("proctor-key")));
    AdminClient admin =
        new AdminClient(o.all("session-url").getFirst(), gateways.getFirst(), tokens);

    Instant started = Instant.now();
    Duration beforeRelease =
        Duration.ofSeconds(
            o.integer("startup-seconds", 25) + ramp + o.integer("release-delay-seconds", 5));
    // scheduled for after the preparation; moved later below if the import took long
    Instant scheduled = started.plus(beforeRelease).plusSeconds(candidates / 1000 + 5);
    admin.putExam(examId, scheduled, duration, grace, questions);
    admin.importCandidates(examId, runId, candidates);
    String digest = admin.uploadPaper(examId, questions);
    Instant earliest = Instant.now().plus(beforeRelease);
    if (earliest.isAfter(scheduled)) {
      scheduled = earliest;
      admin.putExam(examId, scheduled, duration, grace, questions);
    }
    System.err.printf("warm-up: %s%n", admin.warm(examId));
    System.err.printf(
        "prepared exam %s: %d candidates in %d s, release at %s%n",
        examId, candidates, Duration.between(started, Instant.now()).toSeconds(), scheduled);

    new RehearsalPlan(
            runId,
            examId,
            digest,
            candidates,
            o.integer("shards", 1),
            questions,
            ramp,
            scheduled.toEpochMilli(),
            duration,
            grace,
            saveEvery,
            reanswer,
            o.decimal("reconnect", 0.1),
            o.decimal("autosubmit", 0.1),
            o.integer("ack-p99-ms", 500),
            o.all("session-url"),
            gateways,
            o.has("live-url") ? o.all("live-url") : gateways,
            o.string("proctor-key"),
            runDir.toAbsolutePath().toString(),
            o.has("fault") ? o.all("fault") : List.of())
        .write(runDir);
  }
}
