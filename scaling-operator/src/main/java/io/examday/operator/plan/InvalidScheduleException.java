package io.examday.operator.plan;

/**
 * A schedule the planner cannot act on. Admission rejects most of these; whatever slips through (an
 * old CRD, a hand-written file for {@code plan}) becomes the {@code InvalidSpec} reason.
 */
public class InvalidScheduleException extends RuntimeException {

  public InvalidScheduleException(String message) {
    super(message);
  }
}
