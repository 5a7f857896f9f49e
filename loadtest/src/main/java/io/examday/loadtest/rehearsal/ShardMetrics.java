package io.examday.loadtest.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one load-generator shard measured, besides Gatling's own report: counters per step and exact
 * latency histograms that {@link SummarizeCommand} merges over shards (Gatling's per-shard
 * percentiles cannot be merged).
 */
public final class ShardMetrics {

  /** Steps counted; each has an ok and a failed counter. */
  public enum Step {
    LOGIN,
    SESSION,
    PAPER,
    CONNECT,
    RELEASE,
    AUTOSAVE,
    RECONNECT,
    SUBMIT,
    /** Connected after the release (the key came with the hello); no failed counterpart. */
    LATE_JOIN,
    /**
     * Reached its deadline before its last save (it joined late) and stopped there as the page
     * does, leaving the rest to the server's deadline; no failed counterpart.
     */
    OUT_OF_TIME,
    /**
     * A live socket found closed before a save (its gateway went away after the key) and opened
     * again; failed if it could not be. Checked only in runs with faults planned.
     */
    SOCKET_REOPENED
  }

  /** Latencies recorded, in milliseconds. */
  public enum Latency {
    LOGIN,
    AUTOSAVE_ACK,
    RELEASE,
    /** From deadline + grace to the proctor's first list with no session left ACTIVE. */
    ALL_CLOSED
  }

  private static final long MAX_TRACKED_MS = 3_600_000;
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<Latency, Histogram> latencies = new LinkedHashMap<>();
  private final AtomicLong firstLoginEpochMs = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastConnectedEpochMs = new AtomicLong(Long.MIN_VALUE);

  public ShardMetrics() {
    for (Latency latency : Latency.values()) {
      latencies.put(latency, new ConcurrentHistogram(MAX_TRACKED_MS, SIGNIFICANT_DIGITS));
    }
  }

  public void ok(Step step) {
    counter(step.name().toLowerCase() + "_ok").increment();
  }

  public void failed(Step step) {
    counter(step.name().toLowerCase() + "_failed").increment();
  }

  /**
   * A request (by its Gatling name) was sent again after no answer or a "try again" ({@link
   * Retries}); whether the retry worked is its step's ok or failed.
   */
  public void retried(String request) {
    counter(request.replace(' ', '_') + "_retried").increment();
  }

  public void latency(Latency latency, long millis) {
    latencies.get(latency).recordValue(Math.max(0, Math.min(millis, MAX_TRACKED_MS)));
  }

  public void loginStarted(long epochMs) {
    firstLoginEpochMs.accumulateAndGet(epochMs, Math::min);
  }

  /** A candidate of the initial herd (not a reconnect) has its WebSocket open. */
  public void connected(long epochMs) {
    lastConnectedEpochMs.accumulateAndGet(epochMs, Math::max);
  }

  private LongAdder counter(String name) {
    return counters.computeIfAbsent(name, k -> new LongAdder());
  }

  /** Writes the metrics as JSON: counters, herd timing, and base64 compressed histograms. */
  public void write(Path file) {
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Long> counts = new java.util.TreeMap<>();
    counters.forEach((name, adder) -> counts.put(name, adder.sum()));
    json.put("counters", counts);
    json.put("firstLoginEpochMs", firstLoginEpochMs.get());
    json.put("lastConnectedEpochMs", lastConnectedEpochMs.get());
    Map<String, String> encoded = new LinkedHashMap<>();
    latencies.forEach((latency, histogram) -> encoded.put(latency.name(), encode(histogram)));
    json.put("histograms", encoded);
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  static Histogram decode(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalArgumentException("corrupt histogram", e);
    }
  }
}
