package io.examday.loadtest.fanout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Spanner;
import com.google.cloud.spanner.Value;
import io.examday.common.dev.ProctorTokenMint;
import io.examday.common.spanner.SpannerConnector;
import io.examday.common.spanner.SpannerSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Coordinates {@code ./examday bench fanout}: creates an exam with a prepared paper, spreads N
 * candidate sockets over the gateway processes (one {@link HerdWorker} JVM per share, each from its
 * own loopback source address), measures each gateway's heap per idle connection, releases the exam
 * with one proctor command, and reports when each candidate had the key, measured from the moment
 * the release command was sent.
 *
 * <p>Options (all {@code --name value}): gateways (host:port:livePort:pid,...), connections,
 * session-key, key-id, proctor-key, out, idle-seconds, worker-heap, per-worker, timeout-seconds,
 * herd-event-loops (each herd JVM's, default 2), worker-jvm-options (extra JVM flags for the herd),
 * gateway-event-loops (only reported: the gateways are started by ./examday).
 */
public final class FanoutBench {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String PAPER =
      "{\"title\":\"Fan-out bench\",\"questions\":[{\"id\":\"q1\",\"text\":\"2+2?\","
          + "\"options\":[\"3\",\"4\",\"5\"]}]}";

  private final Map<String, String> options;
  private final HttpClient http = HttpClient.newHttpClient();

  private FanoutBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new FanoutBench(options).run();
    System.exit(0);
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private void run() throws Exception {
    List<GatewayProbe.Gateway> gateways =
        List.of(option("gateways", "127.0.0.1:8091:8191:0").split(",")).stream()
            .map(GatewayProbe.Gateway::parse)
            .toList();
    int connections = Integer.parseInt(option("connections", "1000"));
    int perWorker = Integer.parseInt(option("per-worker", "18000"));
    Duration idle = Duration.ofSeconds(Long.parseLong(option("idle-seconds", "5")));
    Duration timeout = Duration.ofSeconds(Long.parseLong(option("timeout-seconds", "30")));
    Path out = Path.of(option("out", "target/bench/fanout.json"));
    PrivateKey proctorKey = rsaKey(Path.of(options.get("proctor-key")));

    GatewayProbe.Gateway first = gateways.getFirst();
    // Production gateways are warm long before T-0: run one release end to end first (token
    // checks, Spanner, Vault, Pub/Sub) so the measured one does not pay for class loading.
    String warmUp = createExam();
    preparePaper(first, warmUp, proctorKey);
    release(first, warmUp, proctorKey);
    String examId = createExam();
    String digest = preparePaper(first, examId, proctorKey);
    log("exam " + examId + " prepared (paper " + digest.substring(0, 12) + "...)");

    GatewayProbe probe = new GatewayProbe(Path.of(System.getProperty("java.home")));
    long[] heapBefore = new long[gateways.size()];
    for (int g = 0; g < gateways.size(); g++) {
      heapBefore[g] = probe.heapAfterGc(gateways.get(g));
    }

    List<Worker> workers = startWorkers(gateways, examId, connections, perWorker);
    int connected = 0;
    int failed = 0;
    int[] connectedPerGateway = new int[gateways.size()];
    for (Worker w : workers) {
      String[] ready = w.await("READY", Duration.ofMinutes(40)).split(" ");
      connected += Integer.parseInt(ready[1]);
      failed += Integer.parseInt(ready[2]);
      connectedPerGateway[w.gateway] += Integer.parseInt(ready[1]);
    }
    log(connected + " connected, " + failed + " failed; measuring heap");
    List<Map<String, Object>> heaps = new ArrayList<>();
    long heapGrowth = 0;
    for (int g = 0; g < gateways.size(); g++) {
      long after = probe.heapAfterGc(gateways.get(g));
      heapGrowth += after - heapBefore[g];
      Map<String, Object> heap = new LinkedHashMap<>();
      heap.put("port", gateways.get(g).port());
      heap.put("live_port", gateways.get(g).livePort());
      heap.put("connections", connectedPerGateway[g]);
      heap.put("heap_before_bytes", heapBefore[g]);
      heap.put("heap_after_bytes", after);
      heap.put(
          "bytes_per_connection",
          connectedPerGateway[g] == 0 ? 0 : (after - heapBefore[g]) / connectedPerGateway[g]);
      heaps.add(heap);
    }

    log("idle for " + idle.toSeconds() + " s, gateways probed as in production");
    idleWithProbes(gateways, idle);

    String proctorToken = token(proctorKey, "bench-proctor", "proctor");
    log("releasing " + examId);
    Instant commandSent = Instant.now();
    release(first, examId, proctorToken);
    long commandMillis = Duration.between(commandSent, Instant.now()).toMillis();
    log("release answered in " + commandMillis + " ms");

    Instant giveUp = Instant.now().plus(timeout);
    for (Worker w : workers) {
      Duration left = Duration.between(Instant.now(), giveUp);
      if (!w.poll("DONE", left.isNegative() ? Duration.ZERO : left)) {
        w.stop();
        w.await("DONE", Duration.ofSeconds(30));
      }
    }
    workers.forEach(Worker::exit); // every result is in: now the sockets may close

    long t0 = commandSent.getEpochSecond() * 1_000_000_000L + commandSent.getNano();
    Histogram latencies = new Histogram(3_600_000_000L, 3);
    int delivered = 0;
    for (Worker w : workers) {
      for (String line : Files.readAllLines(w.results)) {
        long at = Long.parseLong(line.strip());
        if (at != 0) {
          delivered++;
          latencies.recordValue(Math.max(0, at - t0) / 1000); // microseconds
        }
      }
      Files.deleteIfExists(w.results);
    }

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("connections", connected);
    result.put("requested_connections", connections);
    result.put("connect_failures", failed);
    result.put("delivered", delivered);
    result.put("p50_ms", latencies.getValueAtPercentile(50) / 1000.0);
    result.put("p99_ms", latencies.getValueAtPercentile(99) / 1000.0);
    result.put("max_ms", latencies.getMaxValue() / 1000.0);
    result.put("gateway_heap_bytes_per_connection", connected == 0 ? 0 : heapGrowth / connected);
    result.put("release_command_ms", commandMillis);
    result.put("gateway_instances", gateways.size());
    // 0: the gateway default, two per core
    result.put("gateway_event_loops", Integer.parseInt(option("gateway-event-loops", "0")));
    result.put("herd_event_loops_per_worker", Integer.parseInt(option("herd-event-loops", "2")));
    result.put("herd_workers", workers.size());
    result.put("gateways", heaps);
    result.put(
        "method",
        "latency = candidate's receipt of the release frame (with key) minus the moment the"
            + " proctor's release POST was sent, same machine clock; heap = used heap after"
            + " jcmd GC.run (x2) with the herd idle minus the same before it connected, divided"
            + " by the connections of that gateway process; then the herd idles idle_s seconds"
            + " while each gateway answers a readiness probe every second, then the release");
    result.put("idle_s", idle.toSeconds());
    Files.createDirectories(out.toAbsolutePath().getParent());
    JSON.writeValue(out.toFile(), result);
    log("wrote " + out + ": " + JSON.writeValueAsString(result));
    workers.forEach(Worker::kill);
  }

  private List<Worker> startWorkers(
      List<GatewayProbe.Gateway> gateways, String examId, int connections, int perWorker)
      throws IOException {
    List<Worker> workers = new ArrayList<>();
    int remaining = connections;
    int perGateway = (connections + gateways.size() - 1) / gateways.size();
    for (int g = 0; g < gateways.size() && remaining > 0; g++) {
      int share = Math.min(perGateway, remaining);
      remaining -= share;
      while (share > 0) {
        int count = Math.min(perWorker, share);
        share -= count;
        // One source address per worker: about 28k ports per address to one destination.
        String source = "127.0.0." + (2 + workers.size());
        workers.add(Worker.start(options, gateways.get(g), g, source, examId, count));
      }
    }
    return workers;
  }

  /**
   * The herd sits idle, as before T-0, while every gateway answers a readiness probe each second,
   * as a pod does for its kubelet and Prometheus all day. Without them the only HTTP requests a
   * bench gateway sees are the heap reading and the release itself, right at T-0: their first calls
   * through the Netty code the sockets share make the JIT throw away that code's compiled form
   * mid-fan-out (seen with -XX:+PrintCompilation; a production pod never meets that).
   */
  private void idleWithProbes(List<GatewayProbe.Gateway> gateways, Duration idle)
      throws InterruptedException {
    long end = System.nanoTime() + idle.toNanos();
    while (System.nanoTime() < end) {
      for (GatewayProbe.Gateway gateway : gateways) {
        try {
          http.send(
              HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/q/health/ready")).build(),
              HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
          log("readiness probe of " + gateway.baseUrl() + " failed: " + e.getMessage());
        }
      }
      Thread.sleep(Math.min(1000, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
    }
  }

  private void release(GatewayProbe.Gateway gateway, String examId, PrivateKey key)
      throws Exception {
    release(gateway, examId, token(key, "bench-proctor", "proctor"));
  }

  private void release(GatewayProbe.Gateway gateway, String examId, String proctorToken)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(gateway.baseUrl() + "/api/v1/proctor/exams/" + examId + "/release"))
                .header("Authorization", "Bearer " + proctorToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"override\":false}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "release failed: " + response.statusCode() + " " + response.body());
    }
  }

  private String createExam() {
    String examId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    SpannerSettings settings = SpannerSettings.fromEnvironment();
    try (Spanner spanner = SpannerConnector.open(settings)) {
      SpannerConnector.client(spanner, settings)
          .writeAtLeastOnce(
              List.of(
                  Mutation.newInsertBuilder("Exams")
                      .set("ExamId")
                      .to(examId)
                      .set("Title")
                      .to("Fan-out bench")
                      .set("ScheduledStart")
                      .to(
                          Timestamp.ofTimeMicroseconds(
                              Instant.now().minusSeconds(60).toEpochMilli() * 1000))
                      .set("DurationSeconds")
                      .to(3 * 3600L)
                      .set("GraceSeconds")
                      .to(300L)
                      .set("CreatedAt")
                      .to(Value.COMMIT_TIMESTAMP)
                      .build()));
    }
    return examId;
  }

  private String preparePaper(GatewayProbe.Gateway gateway, String examId, PrivateKey key)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(gateway.baseUrl() + "/api/v1/admin/exams/" + examId + "/paper"))
                .header("Authorization", "Bearer " + token(key, "bench-admin", "exam-admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PAPER))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("paper preparation failed: " + response.body());
    }
    return JSON.readTree(response.body()).path("paperDigest").asText();
  }

  private static String token(PrivateKey key, String subject, String group) throws Exception {
    return ProctorTokenMint.mint(key, subject, List.of(group), true, 3600);
  }

  private static PrivateKey rsaKey(Path pem) throws Exception {
    String body =
        Files.readString(pem)
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  static void log(String message) {
    System.err.println("[fanout] " + message);
  }

  /** A herd worker process and the lines it printed. */
  private static final class Worker {
    final Process process;
    final int gateway;
    final Path results;
    final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final Writer stdin;

    private Worker(Process process, int gateway, Path results) {
      this.process = process;
      this.gateway = gateway;
      this.results = results;
      this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // the worker's output ended
                }
                lines.add("EXITED");
              });
    }

    static Worker start(
        Map<String, String> options,
        GatewayProbe.Gateway gateway,
        int index,
        String source,
        String examId,
        int count)
        throws IOException {
      Path results = Files.createTempFile("herd-", ".txt");
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      List<String> command = new ArrayList<>();
      command.add(java.toString());
      command.add("-Xmx" + options.getOrDefault("worker-heap", "768m"));
      command.add("-XX:+UseSerialGC");
      String extra = options.getOrDefault("worker-jvm-options", "").strip();
      if (!extra.isEmpty()) {
        command.addAll(List.of(extra.split("\\s+")));
      }
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              HerdWorker.class.getName(),
              gateway.host(),
              Integer.toString(gateway.livePort()),
              source,
              examId,
              Integer.toString(count),
              options.get("session-key"),
              options.getOrDefault("key-id", "local-1"),
              results.toString(),
              options.getOrDefault("herd-event-loops", "2")));
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      return new Worker(process, index, results);
    }

    String await(String prefix, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new IllegalStateException("herd worker did not say " + prefix + " in time");
        }
        if (line.startsWith(prefix)) {
          return line;
        }
        if (line.equals("EXITED")) {
          throw new IllegalStateException("herd worker exited before " + prefix);
        }
      }
    }

    boolean poll(String prefix, Duration timeout) throws InterruptedException {
      try {
        await(prefix, timeout);
        return true;
      } catch (IllegalStateException e) {
        return false;
      }
    }

    void stop() {
      send("STOP");
    }

    /** Lets the worker close its sockets and exit (once every worker has its results in). */
    void exit() {
      send("EXIT");
    }

    private void send(String command) {
      try {
        stdin.write(command + "\n");
        stdin.flush();
      } catch (IOException e) {
        process.destroy();
      }
    }

    void kill() {
      process.destroy();
    }
  }
}
