package io.examday.session.autosave;

import java.time.Instant;
import java.util.List;

/**
 * Acknowledgements: every answer is durable in Spanner.
 *
 * @param acks one per answer, in request order
 */
public record SaveResponse(List<Ack> acks) {

  /**
   * An acknowledgement.
   *
   * @param questionId the question
   * @param seq the sequence saved
   * @param status always SAVED
   * @param committedAt the Spanner commit timestamp
   */
  public record Ack(String questionId, long seq, String status, Instant committedAt) {}
}
