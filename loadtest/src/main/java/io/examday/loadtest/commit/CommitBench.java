package io.examday.loadtest.commit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Spanner;
import com.google.cloud.spanner.SpannerException;
import io.examday.common.spanner.SessionRows;
import io.examday.common.spanner.SpannerConnector;
import io.examday.common.spanner.SpannerSettings;
import io.examday.loadtest.autosave.BenchArgs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * {@code ./examday bench commit}: answer rows committed straight to Spanner (the emulator here),
 * without exam-session, Redis or an HTTP client in the way, for each configured {@link
 * CommitShape}. Its best rows per second is the most durable saves per second the emulator can take
 * on this machine; {@code ./examday bench autosave} cannot exceed it. Writes one JSON file.
 */
public final class CommitBench {

  private static final int SESSION_ROWS_PER_COMMIT = 500;
  private static final String DEFAULT_RUNS = "1x1,8x1,1x32,1x100,1x200,2x100";

  private CommitBench() {}

  public static void main(String[] argv) throws Exception {
    BenchArgs args = new BenchArgs(argv);
    Path out = Path.of(args.text("out"));
    List<String> runList = args.list("runs");
    List<CommitShape> shapes =
        CommitShape.parseList(runList.isEmpty() ? DEFAULT_RUNS : String.join(",", runList));
    int seconds = args.number("seconds", 10);
    int warmUpSeconds = args.number("warmup-seconds", 5);
    int sessionCount = args.number("sessions", 4000);
    int clkTck = args.number("clk-tck", 100);
    ProcessCpu emulator = ProcessCpu.of(clkTck, args.list("emulator-pids"));
    ProcessCpu self = ProcessCpu.self(clkTck);
    SpannerSettings settings = SpannerSettings.fromEnvironment();
    try (Spanner spanner = SpannerConnector.open(settings)) {
      DatabaseClient db = SpannerConnector.client(spanner, settings);
      AnswerRows rows = new AnswerRows(createSessions(db, sessionCount));
      AtomicLong next = new AtomicLong();
      // untimed: the client's JIT and connections, the emulator's first commits
      run(db, rows, next, new CommitShape(1, 100), warmUpSeconds, emulator, self);
      List<CommitRun> runs = new ArrayList<>();
      for (CommitShape shape : shapes) {
        CommitRun run = run(db, rows, next, shape, seconds, emulator, self);
        System.out.println(shape + ": " + run.toJson());
        runs.add(run);
      }
      write(out, runs, sessionCount, emulator.pids().isEmpty());
    }
  }

  private static void write(Path out, List<CommitRun> runs, int sessions, boolean noEmulatorPids)
      throws IOException {
    CommitRun best = runs.stream().max(Comparator.comparingDouble(CommitRun::rowsPerSecond)).get();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", "commit");
    json.put("command", "./examday bench commit");
    json.put(
        "machine",
        "2 cores, the benchmark and the Spanner emulator on the same machine, nothing else");
    json.put("sessions", sessions);
    json.put("ceiling_rows_per_s", Math.round(best.rowsPerSecond()));
    json.put("ceiling_shape", best.shape().toString());
    json.put("emulator_cpu_measured", !noEmulatorPids);
    json.put("runs", runs.stream().map(CommitRun::toJson).toList());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
    System.out.println("ceiling: " + json.get("ceiling_rows_per_s") + " rows/s at " + best.shape());
  }

  /** One shape for a number of seconds: each committer commits one batch after the other. */
  static CommitRun run(
      DatabaseClient db,
      AnswerRows rows,
      AtomicLong next,
      CommitShape shape,
      int seconds,
      ProcessCpu emulator,
      ProcessCpu self)
      throws Exception {
    Recorder latency = new Recorder(3);
    AtomicLong commits = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    double emulatorBefore = emulator.seconds();
    double selfBefore = self.seconds();
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    Thread[] committers = new Thread[shape.committers()];
    for (int c = 0; c < committers.length; c++) {
      committers[c] =
          Thread.ofPlatform()
              .name("committer-" + c)
              .start(
                  () -> {
                    while (System.nanoTime() < deadline) {
                      List<Mutation> batch = new ArrayList<>(shape.rows());
                      long first = next.getAndAdd(shape.rows());
                      for (long n = first; n < first + shape.rows(); n++) {
                        batch.add(rows.row(n));
                      }
                      long sent = System.nanoTime();
                      try {
                        db.writeAtLeastOnce(batch);
                        latency.recordValue((System.nanoTime() - sent) / 1_000);
                        commits.incrementAndGet();
                      } catch (SpannerException e) {
                        failed.incrementAndGet();
                        if (failures.size() < 5) {
                          failures.add(e.getErrorCode() + ": " + e.getMessage());
                        }
                      }
                    }
                  });
    }
    for (Thread committer : committers) {
      committer.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    var histogram = latency.getIntervalHistogram();
    if (!failures.isEmpty()) {
      System.out.println(shape + ": failed commits, e.g. " + failures);
    }
    return new CommitRun(
        shape,
        elapsed,
        commits.get(),
        failed.get(),
        histogram.getTotalCount() == 0 ? 0 : histogram.getMean() / 1000.0,
        histogram.getValueAtPercentile(99) / 1000.0,
        emulator.seconds() - emulatorBefore,
        self.seconds() - selfBefore);
  }

  /** The parent rows answer events are interleaved in: one session per simulated candidate. */
  private static List<String> createSessions(DatabaseClient db, int count) {
    String examId = "commit-bench-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = new ArrayList<>(count);
    List<Mutation> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      batch.add(SessionRows.firstAttempt(id, UUID.randomUUID().toString(), examId));
      if (batch.size() == SESSION_ROWS_PER_COMMIT || i == count - 1) {
        db.writeAtLeastOnce(batch);
        batch = new ArrayList<>();
      }
    }
    return ids;
  }
}
