package io.examday.loadtest.autosave;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code ./examday bench login}: the start's login spike against a running exam-session. Every
 * candidate of an exam not yet released logs in and reads the session, {@code in-flight} at once;
 * once for an exam left cold (Spanner reads) and once for an exam warmed up first (Redis).
 */
public final class LoginBench {

  private LoginBench() {}

  public static void main(String[] argv) throws Exception {
    BenchArgs args = new BenchArgs(argv);
    String url = args.text("url");
    int candidates = args.number("candidates", 10000);
    int inFlight = args.number("in-flight", 128);
    String admin = args.text("admin-token");
    BenchExam jitCold = new BenchExam(url, admin);
    BenchExam jitWarm = new BenchExam(url, admin);
    BenchExam cold = new BenchExam(url, admin);
    BenchExam warm = new BenchExam(url, admin);
    int jit = Math.min(2000, candidates);
    jitCold.create(jit);
    jitWarm.create(jit);
    cold.create(candidates);
    warm.create(candidates);
    jitWarm.warm();
    long warmStart = System.nanoTime();
    String warmReport = warm.warm();
    long warmMillis = (System.nanoTime() - warmStart) / 1_000_000;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("candidates", candidates);
    out.put("in_flight", inFlight);
    try (LoginLoad load = new LoginLoad(url, inFlight)) {
      phase(load, jitCold, jit, inFlight); // JIT warm-up of both paths, not reported
      phase(load, jitWarm, jit, inFlight);
      out.put("cold", phase(load, cold, candidates, inFlight));
      Map<String, Object> warmed = phase(load, warm, candidates, inFlight);
      warmed.put("warm_up_ms", warmMillis);
      warmed.put("warm_up_report", new ObjectMapper().readTree(warmReport));
      out.put("warm", warmed);
    }
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(Path.of(args.text("out")).toFile(), out);
    System.out.println(out);
  }

  private static Map<String, Object> phase(
      LoginLoad load, BenchExam exam, int candidates, int inFlight) throws Exception {
    List<String> rolls = new ArrayList<>(candidates);
    List<String> codes = new ArrayList<>(candidates);
    for (int i = 0; i < candidates; i++) {
      rolls.add(BenchExam.roll(exam.examId, i));
      codes.add(BenchExam.code(i));
    }
    load.login.getIntervalHistogram();
    load.session.getIntervalHistogram();
    long errorsBefore = load.errors.get();
    long start = System.nanoTime();
    load.run(rolls, codes, inFlight)
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    Histogram login = load.login.getIntervalHistogram();
    Histogram session = load.session.getIntervalHistogram();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("seconds", Math.round(seconds * 10) / 10.0);
    out.put("logins_per_s", Math.round(candidates / seconds));
    out.put("login_p50_ms", login.getValueAtPercentile(50) / 1000.0);
    out.put("login_p99_ms", login.getValueAtPercentile(99) / 1000.0);
    out.put("session_read_p50_ms", session.getValueAtPercentile(50) / 1000.0);
    out.put("session_read_p99_ms", session.getValueAtPercentile(99) / 1000.0);
    out.put("errors", load.errors.get() - errorsBefore);
    out.put("error_samples", Map.copyOf(load.firstErrors));
    return out;
  }
}
