package io.examday.gateway.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The server frames of docs/api.md (candidate WebSocket), as records, and their encoding. */
public final class Frames {

  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Frames() {}

  /** On connect: the server time (clients correct their clock with it) and the exam's state. */
  public record Hello(
      String type,
      String serverTime,
      String examId,
      String state,
      String scheduledStart,
      String paperDigest,
      String releasedAt,
      String deadline) {
    public Hello(
        String serverTime,
        String examId,
        String state,
        String scheduledStart,
        String paperDigest,
        String releasedAt,
        String deadline) {
      this("hello", serverTime, examId, state, scheduledStart, paperDigest, releasedAt, deadline);
    }
  }

  /**
   * Before the release, the exam's paper was prepared (again): download this file instead. Its key
   * comes with the release, which names the same digest.
   */
  public record Paper(String type, String examId, String paperDigest) {
    public Paper(String examId, String paperDigest) {
      this("paper", examId, paperDigest);
    }
  }

  /** The release: the paper key (base64 AES-256) and this candidate's own deadline. */
  public record Release(
      String type,
      String examId,
      String releasedAt,
      String key,
      String paperDigest,
      String deadline) {
    public Release(
        String examId, String releasedAt, String key, String paperDigest, String deadline) {
      this("release", examId, releasedAt, key, paperDigest, deadline);
    }
  }

  /**
   * A changed deadline (proctor extra time, a pause or its end) or the end of the session. While
   * {@code PAUSED} the clock stands still at {@code remainingSeconds}; {@code deadline} is then the
   * deadline if the pause ended now.
   */
  public record Deadline(
      String type, String examId, String deadline, String status, Long remainingSeconds) {
    public Deadline(String examId, String deadline, String status, Long remainingSeconds) {
      this("deadline", examId, deadline, status, remainingSeconds);
    }
  }

  /** A time warning before this candidate's own deadline. */
  public record Warning(String type, int minutesLeft, String deadline) {
    public Warning(int minutesLeft, String deadline) {
      this("warning", minutesLeft, deadline);
    }
  }

  /** A proctor's message to everyone in the exam. */
  public record Broadcast(String type, String message, String sentAt) {
    public Broadcast(String message, String sentAt) {
      this("broadcast", message, sentAt);
    }
  }

  /** The heartbeat; the client answers {@code {"type":"pong"}}. */
  public record Ping(String type, String serverTime) {
    public Ping(String serverTime) {
      this("ping", serverTime);
    }
  }

  public static String encode(Record frame) {
    try {
      return JSON.writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + frame.getClass().getSimpleName(), e);
    }
  }
}
