package io.examday.loadtest.autosave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** Combines the group-commit and naive runs into target/bench/autosave.json. */
public final class AutosaveReport {

  private AutosaveReport() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode group = json.readTree(Path.of(args[0]).toFile());
    JsonNode naive = json.readTree(Path.of(args[1]).toFile());
    ObjectNode report = json.createObjectNode();
    report.put("benchmark", "autosave");
    report.put("command", "./examday bench autosave");
    report.put(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores, load generator, exam-session, Redis and the Spanner emulator on the same machine");
    report.setAll((ObjectNode) group);
    report.set("naive", naive);
    double naiveRate = naive.get("durable_saves_per_s").asDouble();
    report.put(
        "speedup_vs_naive",
        naiveRate == 0
            ? 0
            : Math.round(group.get("durable_saves_per_s").asDouble() / naiveRate * 10) / 10.0);
    json.writeValue(Path.of(args[2]).toFile(), report);
  }
}
