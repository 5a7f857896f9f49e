package io.examday.gateway.exam;

import io.examday.common.error.ExamdayException;
import io.examday.gateway.error.GatewayError;

/** The exam id names no exam. */
public final class UnknownExamException extends ExamdayException {

  public UnknownExamException(String examId) {
    super(GatewayError.UNKNOWN_EXAM, "There is no exam " + examId + ".");
  }
}
