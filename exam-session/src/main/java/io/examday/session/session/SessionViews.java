package io.examday.session.session;

import io.examday.common.exam.DeadlineInputs;
import io.examday.session.autosave.AnswerStore;
import io.examday.session.domain.ExamFacts;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds {@link SessionView}s. Pure. */
public final class SessionViews {

  private SessionViews() {}

  public static SessionView of(
      SessionFacts session, ExamFacts exam, List<AnswerStore.StoredAnswer> answers, Instant now) {
    DeadlineInputs inputs = session.deadlineInputs(exam);
    Instant deadline = inputs.deadline(now).orElse(null);
    return new SessionView(
        session.sessionId(),
        session.examId(),
        SessionRules.visibleStatus(session, exam).name(),
        now,
        exam.scheduledStart(),
        exam.releasedAt().orElse(null),
        deadline,
        inputs.remaining(now).map(Duration::toSeconds).orElse(null),
        deadline == null ? null : deadline.plus(exam.grace()),
        session.submittedAt().orElse(null),
        answers.stream()
            .map(a -> new SessionView.Answer(a.questionId(), a.seq(), a.value(), a.committedAt()))
            .toList());
  }
}
