package io.examday.loadtest.autosave;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.KeyRange;
import com.google.cloud.spanner.KeySet;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Spanner;
import io.examday.common.spanner.SpannerConnector;
import io.examday.common.spanner.SpannerSettings;
import io.examday.loadtest.commit.ProcessCpu;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code ./examday bench autosave}, one mode: many candidates autosave against a running
 * exam-session for a fixed time; then every acknowledged save is looked up in Spanner (lost =
 * acknowledged but absent). Writes one JSON file; {@link AutosaveReport} combines the modes.
 */
public final class AutosaveBench {

  private AutosaveBench() {}

  public static void main(String[] argv) throws Exception {
    BenchArgs args = new BenchArgs(argv);
    String url = args.text("url");
    int candidates = args.number("candidates", 4000);
    int inFlight = args.number("in-flight", 256);
    int seconds = args.number("seconds", 30);
    int warmUpSeconds = args.number("warmup-seconds", 5);
    List<String> redis = args.list("redis");
    int clkTck = args.number("clk-tck", 100);
    ProcessCpu emulator = ProcessCpu.of(clkTck, args.list("emulator-pids"));
    ProcessCpu generator = ProcessCpu.self(clkTck);
    BenchExam exam = new BenchExam(url, args.text("admin-token"));
    SpannerSettings settings = SpannerSettings.fromEnvironment();
    try (Spanner spanner = SpannerConnector.open(settings)) {
      DatabaseClient db = SpannerConnector.client(spanner, settings);
      exam.create(candidates);
      exam.release(db);
      List<String> rolls = new ArrayList<>();
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < candidates; i++) {
        rolls.add(BenchExam.roll(exam.examId, i));
        codes.add(BenchExam.code(i));
      }
      AutosaveLoad load = new AutosaveLoad(url, inFlight);
      String[] tokens = new String[candidates];
      String[] sessions = new String[candidates];
      try (LoginLoad logins = new LoginLoad(url, 64)) {
        logins
            .run(rolls, codes, 64, tokens, sessions)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.MINUTES);
        if (logins.errors.get() > 0) {
          throw new IllegalStateException("logins failed: " + logins.firstErrors);
        }
      }
      // Warm-up (JIT, pools), not timed: a pod autosaves for hours, so the figure of interest is
      // its steady state. Its saves are acknowledged like any other and checked for loss below.
      load.run(tokens, sessions, inFlight, warmUpSeconds)
          .toCompletionStage()
          .toCompletableFuture()
          .get();
      long ackedBefore = load.acks.size();
      load.latency.getIntervalHistogram();
      long errorsBefore = load.errors.get();
      double[] commitsBefore = commitCounters(url);
      RedisStats redisBefore = RedisStats.read(redis);
      double emulatorBefore = emulator.seconds();
      double generatorBefore = generator.seconds();
      long start = System.nanoTime();
      load.run(tokens, sessions, inFlight, seconds).toCompletionStage().toCompletableFuture().get();
      double elapsed = (System.nanoTime() - start) / 1e9;
      RedisStats redisWork = RedisStats.read(redis).minus(redisBefore);
      double emulatorSeconds = emulator.seconds() - emulatorBefore;
      double generatorSeconds = generator.seconds() - generatorBefore;
      double[] commitsAfter = commitCounters(url);
      Histogram latency = load.latency.getIntervalHistogram();
      long acked = load.acks.size() - ackedBefore;
      long lost = lost(db, load.acks);
      load.close();
      double commits = commitsAfter[0] - commitsBefore[0];
      double committedSaves = commitsAfter[1] - commitsBefore[1];
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("mode", args.text("mode"));
      out.put("candidates", candidates);
      out.put("in_flight", inFlight);
      out.put("warmup_seconds", warmUpSeconds);
      out.put("seconds", Math.round(elapsed * 10) / 10.0);
      out.put("acked_saves", acked);
      out.put("acked_saves_checked_for_loss", (long) load.acks.size());
      out.put("errors", load.errors.get() - errorsBefore);
      out.put("error_samples", load.firstErrors);
      out.put("durable_saves_per_s", Math.round(acked / elapsed));
      out.put("ack_p50_ms", latency.getValueAtPercentile(50) / 1000.0);
      out.put("ack_p99_ms", latency.getValueAtPercentile(99) / 1000.0);
      out.put("ack_max_ms", latency.getMaxValue() / 1000.0);
      out.put("commits", Math.round(commits));
      out.put(
          "commits_per_1000_saves",
          committedSaves == 0 ? null : Math.round(commits / committedSaves * 1000 * 10) / 10.0);
      double timedCommits = commitsAfter[2] - commitsBefore[2];
      // the Spanner commit alone, without the wait for a batch or the Redis steps around it
      out.put(
          "commit_mean_ms",
          timedCommits == 0
              ? null
              : Math.round((commitsAfter[3] - commitsBefore[3]) / timedCommits * 1e4) / 10.0);
      // exam-session's own CPU per save (generator, Redis and emulator excluded): capacity's `a`
      double sessionCpuNanos = commitsAfter[4] - commitsBefore[4];
      out.put(
          "session_cpu_us_per_save",
          sessionCpuNanos <= 0 ? null : microsPerSave(sessionCpuNanos / 1e9, acked));
      out.put("lost", lost);
      if (!redis.isEmpty()) {
        putRedis(out, redisWork, acked, elapsed);
      }
      // the other processes a save costs here (docs/targets.md adds them up)
      if (!emulator.pids().isEmpty()) {
        out.put("emulator_cpu_us_per_save", microsPerSave(emulatorSeconds, acked));
      }
      out.put("generator_cpu_us_per_save", microsPerSave(generatorSeconds, acked));
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(Path.of(args.text("out")).toFile(), out);
      System.out.println(out);
    }
  }

  /** CPU microseconds per acknowledged save, one decimal; null without saves. */
  private static Double microsPerSave(double cpuSeconds, long acked) {
    return acked == 0 ? null : Math.round(cpuSeconds * 1e6 / acked * 10) / 10.0;
  }

  /**
   * What the timed saves cost Redis: CPU microseconds and commands per acknowledged save, and the
   * share of one core its processes used meanwhile (docs/capacity.md sizes Memorystore from it).
   */
  private static void putRedis(
      Map<String, Object> out, RedisStats work, long acked, double elapsed) {
    if (acked == 0) {
      return;
    }
    out.put("redis_cpu_us_per_save", microsPerSave(work.cpuSeconds(), acked));
    out.put("redis_commands_per_save", Math.round(work.commands() * 100.0 / acked) / 100.0);
    out.put("redis_cpu_cores_used", Math.round(work.cpuSeconds() / elapsed * 100) / 100.0);
  }

  /**
   * Commits and saves counted by exam-session's commit-batch histogram, then its successful
   * commits' count and seconds from the commit timer, then its process's CPU time (ns).
   */
  private static double[] commitCounters(String url) throws IOException, InterruptedException {
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String[] names = {
      "examday_autosave_commit_batch_saves_count",
      "examday_autosave_commit_batch_saves_sum",
      "examday_autosave_commit_seconds_count{outcome=\"committed\"",
      "examday_autosave_commit_seconds_sum{outcome=\"committed\"",
      "process_cpu_time_ns_total"
    };
    double[] values = new double[names.length];
    for (String line : metrics.split("\n")) {
      for (int i = 0; i < names.length; i++) {
        if (line.startsWith(names[i])) {
          values[i] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return values;
  }

  /**
   * Acknowledged saves whose row is not in Spanner. Reads each acknowledged session's rows by key
   * (prefix ranges, 500 sessions a read): a join over the whole exam makes the emulator hold it all
   * in memory and fail above a few hundred thousand rows.
   */
  private static long lost(DatabaseClient db, Iterable<AutosaveLoad.Ack> acks) {
    Set<String> sessions = new TreeSet<>();
    for (AutosaveLoad.Ack ack : acks) {
      sessions.add(ack.sessionId());
    }
    Set<String> stored = new HashSet<>();
    List<String> all = new ArrayList<>(sessions);
    for (int from = 0; from < all.size(); from += 500) {
      KeySet.Builder keys = KeySet.newBuilder();
      for (String sessionId : all.subList(from, Math.min(all.size(), from + 500))) {
        keys.addRange(KeyRange.prefix(Key.of(sessionId)));
      }
      try (ResultSet rows =
          db.singleUse()
              .read(
                  "AnswerEvents", keys.build(), List.of("SessionId", "QuestionId", "ClientSeq"))) {
        while (rows.next()) {
          stored.add(rows.getString(0) + "/" + rows.getString(1) + "/" + rows.getLong(2));
        }
      }
    }
    long lost = 0;
    for (AutosaveLoad.Ack ack : acks) {
      if (!stored.contains(ack.sessionId() + "/" + ack.questionId() + "/" + ack.seq())) {
        lost++;
      }
    }
    return lost;
  }
}
