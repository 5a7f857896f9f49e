package io.examday.session.hotstate;

import java.util.List;

/**
 * The answers of one save request that a Spanner commit made durable, to be recorded as such in the
 * hot state.
 *
 * @param sessionId the session
 * @param examId its exam (answered counters)
 * @param answers the answers written by that commit
 */
public record CommittedSave(String sessionId, String examId, List<AnswerItem> answers) {

  /** For a shared commit's writes that are not answers: nothing to record in the hot state. */
  public static final CommittedSave NOTHING = new CommittedSave("", "", List.of());
}
