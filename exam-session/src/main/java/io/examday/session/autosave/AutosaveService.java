package io.examday.session.autosave;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.SpannerException;
import io.examday.common.error.ExamdayException;
import io.examday.common.token.SessionClaims;
import io.examday.session.domain.AnswerDigest;
import io.examday.session.domain.ExamFacts;
import io.examday.session.domain.SaveVerdict;
import io.examday.session.domain.SessionRules;
import io.examday.session.error.SessionError;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.hotstate.AnswerItem;
import io.examday.session.hotstate.CommittedSave;
import io.examday.session.hotstate.HotStateStore;
import io.examday.session.hotstate.Verdicts;
import io.examday.session.session.SessionLookup;
import io.examday.session.spanner.Timestamps;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Autosave: validate, check the session accepts answers, classify against the hot state, write what
 * is new to Spanner (group commit), and only then acknowledge. Redis is written before Spanner, but
 * only as "accepted, not durable"; an answer is reported durable only with the commit timestamp
 * Spanner returned.
 */
@Singleton
public class AutosaveService {

  private static final long COMMIT_TIMEOUT_SECONDS = 20;
  private final SaveValidator validator;
  private final SessionLookup lookup;
  private final ExamCatalog exams;
  private final HotStateStore hot;
  private final AnswerStore answers;
  private final AnswerWriter writer;
  private final Clock clock;

  public AutosaveService(
      SaveValidator validator,
      SessionLookup lookup,
      ExamCatalog exams,
      HotStateStore hot,
      AnswerStore answers,
      AnswerWriter writer,
      Clock clock) {
    this.validator = validator;
    this.lookup = lookup;
    this.exams = exams;
    this.hot = hot;
    this.answers = answers;
    this.writer = writer;
    this.clock = clock;
  }

  public SaveResponse save(SessionClaims claims, SaveRequest request) {
    ExamFacts exam = exams.get(claims.examId());
    List<ValidAnswer> valid = validator.validate(claims, request, exam);
    Instant now = clock.instant();
    if (exam.releasedAt().isEmpty()) {
      SessionRules.requireAcceptingAnswers(lookup.facts(claims.sessionId()), exam, now);
    }
    Duration overrun = SessionRules.overrun(exam, now).orElseThrow();
    List<AnswerItem> items = valid.stream().map(ValidAnswer::item).toList();
    Verdicts verdicts = hot.accept(claims.sessionId(), items, overrun);
    if (verdicts.sessionMissing()) {
      lookup.rebuild(claims.sessionId());
      verdicts = hot.accept(claims.sessionId(), items, overrun);
    }
    if (verdicts.blockedSession().isPresent()) {
      SessionRules.requireAcceptingAnswers(verdicts.blockedSession().get(), exam, now);
      throw new ExamdayException(
          SessionError.SESSION_SUBMITTED,
          "This exam is being submitted; answers can no longer change.");
    }
    return commit(claims, valid, verdicts);
  }

  private SaveResponse commit(SessionClaims claims, List<ValidAnswer> valid, Verdicts verdicts) {
    Instant[] committedAt = new Instant[valid.size()];
    List<Mutation> mutations = new ArrayList<>();
    List<Integer> written = new ArrayList<>();
    for (int i = 0; i < valid.size(); i++) {
      ValidAnswer answer = valid.get(i);
      SaveVerdict verdict = verdicts.verdicts().get(i);
      switch (verdict) {
        case CONFLICT ->
            throw new ExamdayException(
                SessionError.SEQUENCE_CONFLICT,
                "Question "
                    + answer.item().questionId()
                    + " already has a different answer with sequence "
                    + answer.item().seq()
                    + "; send edits with a higher sequence.");
        case ALREADY_SAVED -> committedAt[i] = verdicts.alreadySavedAt().get(i);
        case OLDER -> committedAt[i] = acknowledgedEarlier(claims.sessionId(), answer);
        case NEW, RETRY -> {
          mutations.add(
              AnswerStore.mutation(
                  claims.sessionId(),
                  answer.item().questionId(),
                  answer.item().seq(),
                  answer.value(),
                  answer.sha256()));
          written.add(i);
        }
      }
    }
    if (!mutations.isEmpty()) {
      List<AnswerItem> items = written.stream().map(i -> valid.get(i).item()).toList();
      CommittedSave save = new CommittedSave(claims.sessionId(), claims.examId(), items);
      Instant committed = Timestamps.instant(await(writer.write(mutations, save)));
      for (int i : written) {
        committedAt[i] = committed;
      }
    }
    List<SaveResponse.Ack> acks = new ArrayList<>(valid.size());
    for (int i = 0; i < valid.size(); i++) {
      AnswerItem item = valid.get(i).item();
      acks.add(new SaveResponse.Ack(item.questionId(), item.seq(), "SAVED", committedAt[i]));
    }
    return new SaveResponse(acks);
  }

  /** An older sequence is fine only as a retry of exactly what was saved before. */
  private Instant acknowledgedEarlier(String sessionId, ValidAnswer answer) {
    return answers
        .find(sessionId, answer.item().questionId(), answer.item().seq())
        .filter(stored -> AnswerDigest.hex(stored.sha256()).equals(answer.item().sha256Hex()))
        .map(AnswerStore.StoredAnswer::committedAt)
        .orElseThrow(
            () ->
                new ExamdayException(
                    SessionError.STALE_SEQUENCE,
                    "Question "
                        + answer.item().questionId()
                        + " already has a newer answer than sequence "
                        + answer.item().seq()
                        + "; the newer one is kept."));
  }

  private static Timestamp await(java.util.concurrent.CompletableFuture<Timestamp> commit) {
    try {
      return commit.get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException e) {
      throw unavailable(e.getCause() == null ? e : e.getCause());
    }
  }

  private static ExamdayException unavailable(Throwable cause) {
    String detail =
        cause instanceof SpannerException se
            ? se.getErrorCode().name()
            : cause.getClass().getSimpleName();
    return new ExamdayException(
        SessionError.STORAGE_UNAVAILABLE,
        "The answer was not saved (storage " + detail + "); retry the same request.",
        cause);
  }
}
