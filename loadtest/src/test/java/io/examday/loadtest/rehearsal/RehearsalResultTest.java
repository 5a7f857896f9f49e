package io.examday.loadtest.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehearsalResultTest {

  @TempDir Path dir;

  private final ObjectMapper json = new ObjectMapper();

  private RehearsalPlan plan() {
    return new RehearsalPlan(
        "run",
        "exam",
        "digest",
        4,
        2,
        List.of("q1"),
        30,
        0L,
        60,
        10,
        5.0,
        0.0,
        0.0,
        0.0,
        500,
        List.of("http://s"),
        List.of("http://g"),
        List.of("http://g"),
        "k",
        dir.toString(),
        List.of());
  }

  private JsonNode shard(String name, int candidates, long firstLogin, long lastConnect, long ack)
      throws Exception {
    ShardMetrics metrics = new ShardMetrics();
    metrics.loginStarted(firstLogin);
    metrics.connected(lastConnect);
    for (int i = 0; i < candidates; i++) {
      metrics.ok(ShardMetrics.Step.LOGIN);
      metrics.ok(ShardMetrics.Step.AUTOSAVE);
      metrics.latency(ShardMetrics.Latency.AUTOSAVE_ACK, ack);
    }
    Path file = dir.resolve(name);
    metrics.write(file);
    return json.readTree(file.toFile());
  }

  @Test
  void shardsAreMergedExactly() throws Exception {
    RehearsalResult result =
        RehearsalResult.of(
            plan(), List.of(shard("a", 2, 1_000, 11_000, 10), shard("b", 2, 2_000, 21_000, 300)));

    ObjectNode out = result.toJson(json);

    assertThat(out.get("autosaves").asLong()).isEqualTo(4);
    assertThat(out.get("herd_s").asDouble()).isEqualTo(20.0);
    assertThat(out.get("logins_per_s").asDouble()).isEqualTo(0.2);
    assertThat(out.get("ack_p50_ms").asLong()).isEqualTo(10);
    assertThat(out.get("ack_max_ms").asLong()).isBetween(299L, 301L);
    assertThat(result.errors()).isZero();
  }

  @Test
  void failuresAndMissingCandidatesAreErrors() throws Exception {
    ShardMetrics metrics = new ShardMetrics();
    metrics.ok(ShardMetrics.Step.LOGIN);
    metrics.failed(ShardMetrics.Step.AUTOSAVE);
    Path file = dir.resolve("only-shard");
    metrics.write(file);

    RehearsalResult result = RehearsalResult.of(plan(), List.of(json.readTree(file.toFile())));

    // 1 failed autosave + 3 candidates never accounted for + 1 shard that never reported
    assertThat(result.errors()).isEqualTo(5);
    assertThat(result.toJson(json).get("failures").get("autosave_failed").asLong()).isEqualTo(1);
  }

  @Test
  void retriedRequestsAreReportedButAreNoErrors() throws Exception {
    ShardMetrics a = new ShardMetrics();
    ShardMetrics b = new ShardMetrics();
    for (ShardMetrics metrics : List.of(a, b)) {
      metrics.ok(ShardMetrics.Step.LOGIN);
      metrics.ok(ShardMetrics.Step.LOGIN);
      metrics.ok(ShardMetrics.Step.AUTOSAVE);
      metrics.retried("autosave");
    }
    a.retried("no session left open");
    a.write(dir.resolve("a"));
    b.write(dir.resolve("b"));

    RehearsalResult result =
        RehearsalResult.of(
            plan(),
            List.of(
                json.readTree(dir.resolve("a").toFile()),
                json.readTree(dir.resolve("b").toFile())));

    assertThat(result.errors()).isZero();
    ObjectNode retried = (ObjectNode) result.toJson(json).get("retried");
    assertThat(retried.get("autosave_retried").asLong()).isEqualTo(2);
    assertThat(retried.get("no_session_left_open_retried").asLong()).isEqualTo(1);
  }

  @Test
  void reopenedSocketsAreCountedAndOneThatStayedLostIsAnError() throws Exception {
    ShardMetrics metrics = new ShardMetrics();
    metrics.ok(ShardMetrics.Step.LOGIN);
    metrics.ok(ShardMetrics.Step.LOGIN);
    metrics.ok(ShardMetrics.Step.SOCKET_REOPENED);
    metrics.ok(ShardMetrics.Step.SOCKET_REOPENED);
    metrics.failed(ShardMetrics.Step.SOCKET_REOPENED);
    metrics.write(dir.resolve("one"));
    RehearsalPlan plan = plan();

    RehearsalResult result =
        RehearsalResult.of(
            plan,
            java.util.Collections.nCopies(
                plan.shards(), json.readTree(dir.resolve("one").toFile())));

    ObjectNode out = result.toJson(json);
    assertThat(out.get("sockets_reopened").asLong()).isEqualTo(2L * plan.shards());
    assertThat(out.get("failures").get("socket_reopened_failed").asLong()).isEqualTo(plan.shards());
    assertThat(result.errors()).isEqualTo(plan.shards());
  }

  @Test
  void cpuIsSharedOutPerCandidateInTheHerdAndPerAutosaveAfterIt() throws Exception {
    ShardMetrics metrics = new ShardMetrics();
    metrics.loginStarted(1_000);
    metrics.connected(5_000);
    for (int i = 0; i < 2; i++) {
      metrics.ok(ShardMetrics.Step.LOGIN);
      metrics.ok(ShardMetrics.Step.CONNECT);
      metrics.ok(ShardMetrics.Step.AUTOSAVE);
      metrics.ok(ShardMetrics.Step.AUTOSAVE);
    }
    metrics.write(dir.resolve("one"));
    RehearsalResult result =
        RehearsalResult.of(plan(), List.of(json.readTree(dir.resolve("one").toFile())));
    CpuSamples cpu =
        CpuSamples.parse(
            List.of(
                "# clk_tck 100",
                "1000\tgatling\t7\t0",
                "5000\tgatling\t7\t400",
                "9000\tgatling\t7\t600"));
    ObjectNode out = json.createObjectNode();

    result.putCpu(out, cpu);

    // 4 CPU-seconds over the herd for 2 candidates; 2 after it for 4 autosaves
    assertThat(out.get("herd_cpu_ms_per_candidate").get("gatling").asDouble()).isEqualTo(2000.0);
    assertThat(out.get("after_herd_cpu_us_per_autosave").get("gatling").asLong())
        .isEqualTo(500_000L);
  }

  @Test
  void noCpuFiguresWithoutSamples() throws Exception {
    RehearsalResult result = RehearsalResult.of(plan(), List.of(shard("a", 2, 1_000, 11_000, 10)));
    ObjectNode out = json.createObjectNode();

    result.putCpu(out, CpuSamples.parse(List.of()));

    assertThat(out.has("herd_cpu_ms_per_candidate")).isFalse();
  }
}
