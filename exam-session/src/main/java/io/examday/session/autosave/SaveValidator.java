package io.examday.session.autosave;

import io.examday.common.error.ExamdayException;
import io.examday.common.token.SessionClaims;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.domain.AnswerDigest;
import io.examday.session.domain.ExamFacts;
import io.examday.session.error.SessionError;
import io.examday.session.hotstate.AnswerItem;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything about a save request that can be refused before touching any state. */
@Singleton
public class SaveValidator {

  /** Sequences are kept exact in Redis's Lua numbers (doubles) up to 2^53. */
  static final long MAX_SEQ = (1L << 53) - 1;

  private final int maxAnswerBytes;
  private final int maxAnswers;

  public SaveValidator(ExamSessionConfig config) {
    this.maxAnswerBytes = config.autosave().maxAnswerBytes();
    this.maxAnswers = config.autosave().maxAnswersPerRequest();
  }

  public List<ValidAnswer> validate(SessionClaims claims, SaveRequest request, ExamFacts exam) {
    if (request == null || request.answers() == null || request.answers().isEmpty()) {
      throw invalid(
          SessionError.MALFORMED_REQUEST,
          "Send {\"answers\":[{\"questionId\",\"seq\",\"value\"}]}.");
    }
    if (request.sessionId() != null && !request.sessionId().equals(claims.sessionId())) {
      throw invalid(
          SessionError.NOT_YOUR_SESSION,
          "This page belongs to another candidate's session; log in again on this computer.");
    }
    if (request.answers().size() > maxAnswers) {
      throw invalid(
          SessionError.MALFORMED_REQUEST, "At most " + maxAnswers + " answers per request.");
    }
    Set<String> seen = new HashSet<>();
    List<ValidAnswer> valid = new ArrayList<>(request.answers().size());
    for (SaveRequest.AnswerInput answer : request.answers()) {
      valid.add(validate(answer, exam, seen));
    }
    return valid;
  }

  private ValidAnswer validate(SaveRequest.AnswerInput answer, ExamFacts exam, Set<String> seen) {
    if (answer == null
        || answer.questionId() == null
        || answer.seq() == null
        || answer.value() == null) {
      throw invalid(SessionError.INVALID_ANSWER, "Every answer needs questionId, seq and value.");
    }
    if (!exam.questionIds().contains(answer.questionId())) {
      throw invalid(
          SessionError.UNKNOWN_QUESTION,
          "This exam has no question " + printable(answer.questionId()) + ".");
    }
    if (!seen.add(answer.questionId())) {
      throw invalid(
          SessionError.INVALID_ANSWER,
          "Question " + answer.questionId() + " appears twice; send only its newest answer.");
    }
    if (answer.seq() < 0 || answer.seq() > MAX_SEQ) {
      throw invalid(SessionError.INVALID_ANSWER, "seq must be between 0 and " + MAX_SEQ + ".");
    }
    byte[] utf8 = answer.value().getBytes(StandardCharsets.UTF_8);
    if (utf8.length > maxAnswerBytes) {
      throw invalid(
          SessionError.ANSWER_TOO_LARGE,
          "The answer to "
              + answer.questionId()
              + " is "
              + utf8.length
              + " bytes; the limit is "
              + maxAnswerBytes
              + ". Shorten it.");
    }
    byte[] sha256 = AnswerDigest.sha256(answer.value());
    return new ValidAnswer(
        new AnswerItem(answer.questionId(), answer.seq(), AnswerDigest.hex(sha256)),
        answer.value(),
        sha256);
  }

  private static String printable(String questionId) {
    String shortened = questionId.length() > 64 ? questionId.substring(0, 64) + "..." : questionId;
    return "'" + shortened.replaceAll("[^\\p{Print}]", "?") + "'";
  }

  private static ExamdayException invalid(SessionError error, String message) {
    return new ExamdayException(error, message);
  }
}
