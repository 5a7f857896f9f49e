package io.examday.loadtest.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Step 3 of a rehearsal: folds every shard's metrics, the verifier's report and Gatling's verdict
 * into one JSON ({@code rehearsal.json}, the benchmark's format) and prints a short summary.
 *
 * <p>{@code SummarizeCommand --run-dir D --verify-json F --gatling-failed-shards N --out F
 * [--redis-commands C --redis-memory-bytes B --redis-cpu-seconds S] [--faults-log F]}. Exit status
 * 0 when everything passed, 1 otherwise.
 */
public final class SummarizeCommand {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummarizeCommand() {}

  public static void main(String[] args) throws IOException {
    Options o = Options.parse(args);
    Path runDir = Path.of(o.string("run-dir"));
    RehearsalPlan plan = RehearsalPlan.read(runDir.resolve(RehearsalPlan.FILE));
    RehearsalResult result = RehearsalResult.of(plan, shardMetrics(runDir));
    JsonNode verify = JSON.readTree(Path.of(o.string("verify-json")).toFile());
    int gatlingFailedShards = o.integer("gatling-failed-shards", 0);

    ObjectNode out = result.toJson(JSON);
    out.put("lost", verify.path("lost").asLong());
    out.put("stale", verify.path("stale").asLong());
    out.set("phantom", verify.path("phantom"));
    out.put("verifier_passed", verify.path("passed").asBoolean());
    putRedis(out, o, result);
    result.putCpu(out, CpuSamples.read(runDir));
    putFaults(out, Path.of(o.string("faults-log", runDir.resolve("faults.log").toString())));
    out.put("gatling_assertions_passed", gatlingFailedShards == 0);
    boolean passed =
        result.errors() == 0 && verify.path("passed").asBoolean() && gatlingFailedShards == 0;
    out.put("passed", passed);
    out.put("run_dir", runDir.toAbsolutePath().toString());
    JSON.writeValue(Path.of(o.string("out")).toFile(), out);
    System.out.println(JSON.writeValueAsString(out));
    System.exit(passed ? 0 : 1);
  }

  /** The faults injected during the drive (./examday rehearse --fault), one line each. */
  private static void putFaults(ObjectNode out, Path log) throws IOException {
    var faults = out.putArray("faults");
    if (Files.exists(log)) {
      Files.readAllLines(log).stream().filter(line -> !line.isBlank()).forEach(faults::add);
    }
  }

  /** Redis work during the drive, per autosave and per candidate (for docs/capacity.md). */
  private static void putRedis(ObjectNode out, Options o, RehearsalResult result) {
    long commands = Long.parseLong(o.string("redis-commands", "0"));
    long memory = Long.parseLong(o.string("redis-memory-bytes", "0"));
    long autosaves = result.count("autosave_ok");
    out.put("redis_commands", commands);
    out.put(
        "redis_commands_per_autosave",
        autosaves == 0 ? 0 : Math.round(commands * 100.0 / autosaves) / 100.0);
    out.put("redis_bytes_per_candidate", memory / Math.max(1, result.plan().candidates()));
    double cpuSeconds = Double.parseDouble(o.string("redis-cpu-seconds", "0"));
    out.put(
        "redis_cpu_us_per_autosave",
        autosaves == 0 ? 0 : Math.round(cpuSeconds * 1e6 * 10 / autosaves) / 10.0);
  }

  private static List<JsonNode> shardMetrics(Path runDir) throws IOException {
    try (Stream<Path> files = Files.list(runDir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".metrics.json"))
          .sorted()
          .map(SummarizeCommand::readJson)
          .toList();
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
