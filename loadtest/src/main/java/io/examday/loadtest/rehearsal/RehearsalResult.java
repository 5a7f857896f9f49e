package io.examday.loadtest.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The shards' metrics merged: counters summed, histograms added, the herd window from the first
 * login of any shard to the last initial WebSocket hello of any shard.
 */
record RehearsalResult(
    RehearsalPlan plan,
    Map<String, Long> counters,
    Map<ShardMetrics.Latency, Histogram> latencies,
    long firstLoginEpochMs,
    long lastConnectedEpochMs,
    int shardsReported) {

  private static final double MS_PER_S = 1000.0;

  static RehearsalResult of(RehearsalPlan plan, List<JsonNode> shards) {
    Map<String, Long> counters = new TreeMap<>();
    Map<ShardMetrics.Latency, Histogram> latencies = new TreeMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (JsonNode shard : shards) {
      Iterator<Map.Entry<String, JsonNode>> fields = shard.path("counters").fields();
      fields.forEachRemaining(e -> counters.merge(e.getKey(), e.getValue().asLong(), Long::sum));
      for (ShardMetrics.Latency latency : ShardMetrics.Latency.values()) {
        JsonNode encoded = shard.path("histograms").path(latency.name());
        if (encoded.isTextual()) {
          Histogram h = ShardMetrics.decode(encoded.asText());
          latencies.merge(
              latency,
              h,
              (a, b) -> {
                a.add(b);
                return a;
              });
        }
      }
      first = Math.min(first, shard.path("firstLoginEpochMs").asLong(Long.MAX_VALUE));
      last = Math.max(last, shard.path("lastConnectedEpochMs").asLong(Long.MIN_VALUE));
    }
    return new RehearsalResult(plan, counters, latencies, first, last, shards.size());
  }

  long count(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** Every failed step, plus the candidates of shards that never reported. */
  long errors() {
    long failed =
        counters.entrySet().stream()
            .filter(e -> e.getKey().endsWith("_failed"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long unaccounted = Math.max(0, plan.candidates() - count("login_ok") - count("login_failed"));
    return failed + unaccounted + (shardsReported < plan.shards() ? 1 : 0);
  }

  double herdSeconds() {
    return lastConnectedEpochMs < firstLoginEpochMs
        ? Double.NaN
        : (lastConnectedEpochMs - firstLoginEpochMs) / MS_PER_S;
  }

  ObjectNode toJson(ObjectMapper json) {
    ObjectNode out = json.createObjectNode();
    out.put("candidates", plan.candidates());
    out.put("shards", plan.shards());
    out.put("ramp_s", plan.rampSeconds());
    out.put("questions", plan.questionIds().size());
    out.put("save_every_s", plan.saveEverySeconds());
    out.put("herd_s", round(herdSeconds()));
    out.put("logins_per_s", round(count("login_ok") / herdSeconds()));
    out.put("logged_in", count("login_ok"));
    out.put("connected", count("connect_ok"));
    out.put("released", count("release_ok"));
    out.put("autosaves", count("autosave_ok"));
    out.put("submitted", count("submit_ok"));
    out.put("reconnects", count("reconnect_ok"));
    out.put("late_joiners", count("late_join_ok"));
    out.put("out_of_time", count("out_of_time_ok"));
    out.put("sockets_reopened", count("socket_reopened_ok"));
    putPercentiles(out, "login", ShardMetrics.Latency.LOGIN);
    putPercentiles(out, "ack", ShardMetrics.Latency.AUTOSAVE_ACK);
    putPercentiles(out, "release", ShardMetrics.Latency.RELEASE);
    Histogram closed = latencies.get(ShardMetrics.Latency.ALL_CLOSED);
    if (closed == null || closed.getTotalCount() == 0) {
      out.putNull("all_closed_ms");
    } else {
      out.put("all_closed_ms", closed.getMaxValue());
    }
    out.put("errors", errors());
    ObjectNode failures = out.putObject("failures");
    counters.forEach(
        (name, value) -> {
          if (name.endsWith("_failed") && value > 0) {
            failures.put(name, value);
          }
        });
    // requests sent again (refused or unanswered, then retried like the page): not errors
    ObjectNode retried = out.putObject("retried");
    counters.forEach(
        (name, value) -> {
          if (name.endsWith("_retried")) {
            retried.put(name, value);
          }
        });
    return out;
  }

  /**
   * What each process role spent ({@link CpuSamples}): in the herd window, per candidate that
   * connected ({@code herd_cpu_ms_per_candidate}); from the herd's end to the last sample (the
   * waiting room, the release, the exam), per acknowledged autosave ({@code
   * after_herd_cpu_us_per_autosave}). Nothing is written without samples or a herd window.
   */
  void putCpu(ObjectNode out, CpuSamples cpu) {
    long[] span = cpu.span();
    long connected = count("connect_ok");
    if (span == null || !(herdSeconds() > 0) || connected == 0) {
      return;
    }
    ObjectNode herd = out.putObject("herd_cpu_ms_per_candidate");
    cpu.secondsBetween(firstLoginEpochMs, lastConnectedEpochMs)
        .forEach(
            (role, seconds) ->
                herd.put(role, Math.round(seconds * MS_PER_S / connected * 100) / 100.0));
    long autosaves = count("autosave_ok");
    if (autosaves > 0 && span[1] > lastConnectedEpochMs) {
      ObjectNode after = out.putObject("after_herd_cpu_us_per_autosave");
      cpu.secondsBetween(lastConnectedEpochMs, span[1])
          .forEach((role, seconds) -> after.put(role, Math.round(seconds * 1e6 / autosaves)));
    }
  }

  private void putPercentiles(ObjectNode out, String prefix, ShardMetrics.Latency latency) {
    Histogram h = latencies.get(latency);
    if (h == null || h.getTotalCount() == 0) {
      out.putNull(prefix + "_p99_ms");
      return;
    }
    out.put(prefix + "_p50_ms", h.getValueAtPercentile(50));
    out.put(prefix + "_p99_ms", h.getValueAtPercentile(99));
    out.put(prefix + "_max_ms", h.getMaxValue());
  }

  private static double round(double value) {
    return Double.isFinite(value) ? Math.round(value * 10) / 10.0 : -1;
  }
}
