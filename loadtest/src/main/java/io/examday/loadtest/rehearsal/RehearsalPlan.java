package io.examday.loadtest.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a load-generator shard needs, written by {@link PrepareCommand} to {@code plan.json}
 * in the run directory.
 *
 * @param runId unique per run; prefixes roll numbers
 * @param examId the exam created for this run
 * @param paperDigest digest of the encrypted paper on the gateway ({@code GET /papers/{digest}})
 * @param candidates candidates in the exam, over all shards
 * @param shards load-generator processes; shard k drives candidates k, k + shards, ...
 * @param questionIds the exam's questions
 * @param rampSeconds every candidate logs in, downloads the paper and connects within this
 * @param releaseAtEpochMs when the proctor releases (the exam's scheduled start)
 * @param durationSeconds exam duration (short for a rehearsal)
 * @param graceSeconds grace after the deadline
 * @param saveEverySeconds mean think time between two autosaves of a candidate
 * @param reanswerRate probability that a candidate revisits an earlier question after an answer
 * @param reconnectRate fraction of candidates that drop and reopen their WebSocket mid-exam
 * @param autosubmitRate fraction of candidates that never submit (the deadline submits them)
 * @param ackP99TargetMs Gatling assertion: p99 autosave acknowledgement
 * @param sessionUrls exam-session instances' base URLs; candidate i starts on entry i modulo size
 *     and moves to the next when its instance stops answering (a load balancer's part, locally)
 * @param gatewayUrls release-gateway base URLs (REST: papers, release); candidate i starts on entry
 *     i modulo size (so with one instance per shard, shard k's candidates are all on entry k) and
 *     moves to the next when its instance stops answering or drops its socket
 * @param liveUrls the same instances' candidate-socket base URLs (the gateway serves sockets on a
 *     port of their own), in the same order
 * @param proctorKey PEM of the local stand-in IdP's RSA key (mints proctor tokens)
 * @param runDir where ack logs, metrics and reports of this run go
 * @param faults the faults planned for the run ({@code KIND@+Ns} or {@code KIND@-Ns}, relative to
 *     the release; ./examday rehearse --fault); with any, a refused request that its retry turned
 *     into success is no failure (see {@link Retries})
 */
public record RehearsalPlan(
    String runId,
    String examId,
    String paperDigest,
    int candidates,
    int shards,
    List<String> questionIds,
    int rampSeconds,
    long releaseAtEpochMs,
    int durationSeconds,
    int graceSeconds,
    double saveEverySeconds,
    double reanswerRate,
    double reconnectRate,
    double autosubmitRate,
    int ackP99TargetMs,
    List<String> sessionUrls,
    List<String> gatewayUrls,
    List<String> liveUrls,
    String proctorKey,
    String runDir,
    List<String> faults) {

  public static final String FILE = "plan.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * The plan as one shard sees it: every loopback service URL on the shard's own loopback address
   * ({@link LoopbackAddress}), so no two shards connect to the same address and port, and each has
   * the kernel's ~28,000 connections per destination to itself.
   */
  public RehearsalPlan forShard(int shard) {
    return new RehearsalPlan(
        runId,
        examId,
        paperDigest,
        candidates,
        shards,
        questionIds,
        rampSeconds,
        releaseAtEpochMs,
        durationSeconds,
        graceSeconds,
        saveEverySeconds,
        reanswerRate,
        reconnectRate,
        autosubmitRate,
        ackP99TargetMs,
        onShard(sessionUrls, shard),
        onShard(gatewayUrls, shard),
        onShard(liveUrls, shard),
        proctorKey,
        runDir,
        faults);
  }

  private static List<String> onShard(List<String> urls, int shard) {
    return urls.stream().map(url -> LoopbackAddress.forShard(url, shard)).toList();
  }

  /** Candidates driven by the given shard. */
  public int candidatesOfShard(int shard) {
    return candidates / shards + (shard < candidates % shards ? 1 : 0);
  }

  /** The global candidate index of the n-th candidate of a shard. */
  public int candidateIndex(int shard, int n) {
    return shard + n * shards;
  }

  /** The exam-session instance a candidate (by global index) uses first. */
  public int sessionInstance(int candidateIndex) {
    return candidateIndex % sessionUrls.size();
  }

  public String sessionUrl(int instance) {
    return sessionUrls.get(Math.floorMod(instance, sessionUrls.size()));
  }

  /** The release-gateway instance a candidate (by global index) uses first. */
  public int gatewayInstance(int candidateIndex) {
    return candidateIndex % gatewayUrls.size();
  }

  /** Base URL of a release-gateway instance's REST side (any int: taken modulo the instances). */
  public String gatewayUrl(int instance) {
    return gatewayUrls.get(Math.floorMod(instance, gatewayUrls.size()));
  }

  /** ws:// base URL of a release-gateway instance's candidate sockets (same numbering). */
  public String liveUrl(int instance) {
    return liveUrls.get(Math.floorMod(instance, liveUrls.size())).replaceFirst("^http", "ws");
  }

  public void write(Path dir) {
    try {
      JSON.writeValue(dir.resolve(FILE).toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RehearsalPlan read(Path file) {
    try {
      return JSON.readValue(file.toFile(), RehearsalPlan.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rehearsal plan " + file, e);
    }
  }
}
