package io.examday.session.autosave;

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
import io.examday.session.spanner.Awaits;
import io.examday.session.spanner.Timestamps;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Autosave: validate, check the session accepts answers, classify against the hot state, write what
 * is new to Spanner (group commit), and only then acknowledge. Redis is written before Spanner, but
 * only as "accepted, not durable"; an answer is reported durable only with the commit timestamp
 * Spanner returned.
 *
 * <p>The usual save (a released exam already cached, a session Redis holds, a new or re-sent
 * answer) blocks no thread: its hot-state check shares a Redis pipeline with other saves, its
 * answers share a Spanner commit, and the acknowledgement follows the commit. The rare saves that
 * must read first (an exam not yet released or not cached, a session Redis lost, a retry of an
 * older save) continue on a virtual thread.
 */
@Singleton
public class AutosaveService {

  private final SaveValidator validator;
  private final SessionLookup lookup;
  private final ExamCatalog exams;
  private final HotStateStore hot;
  private final AnswerStore answers;
  private final AnswerWriter writer;
  private final Clock clock;
  private final Executor virtualThreads;

  public AutosaveService(
      SaveValidator validator,
      SessionLookup lookup,
      ExamCatalog exams,
      HotStateStore hot,
      AnswerStore answers,
      AnswerWriter writer,
      Clock clock,
      @VirtualThreads ExecutorService virtualThreads) {
    this.validator = validator;
    this.lookup = lookup;
    this.exams = exams;
    this.hot = hot;
    this.answers = answers;
    this.writer = writer;
    this.clock = clock;
    this.virtualThreads = virtualThreads;
  }

  /**
   * Saves a request's answers. Refusals found before any state is touched (bad input) are thrown;
   * everything else, refusals included, completes the future. Never blocks the caller.
   */
  public CompletableFuture<SaveResponse> save(SessionClaims claims, SaveRequest request) {
    Optional<ExamFacts> cached = exams.cached(claims.examId());
    if (cached.isEmpty() || cached.get().releasedAt().isEmpty()) {
      return settled(blocking(() -> saveBlocking(claims, request)));
    }
    ExamFacts exam = cached.get();
    List<ValidAnswer> valid = validator.validate(claims, request, exam);
    Instant now = clock.instant();
    Duration overrun = SessionRules.overrun(exam, now).orElseThrow();
    return settled(
        hot.acceptPipelined(claims.sessionId(), items(valid), overrun)
            .thenCompose(
                verdicts ->
                    verdicts.sessionMissing() || verdicts.verdicts().contains(SaveVerdict.OLDER)
                        ? blocking(
                            () -> finishBlocking(claims, valid, exam, now, overrun, verdicts))
                        : afterAccept(claims, valid, exam, now, verdicts))
            .orTimeout(Awaits.STORAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }

  /** The save's outcome with its failure unwrapped (as thrown), a time-out as unavailable. */
  private static CompletableFuture<SaveResponse> settled(CompletableFuture<SaveResponse> save) {
    CompletableFuture<SaveResponse> outcome = new CompletableFuture<>();
    save.whenComplete(
        (response, error) -> {
          if (error == null) {
            outcome.complete(response);
            return;
          }
          Throwable cause = unwrap(error);
          outcome.completeExceptionally(
              cause instanceof TimeoutException ? unavailable(cause) : cause);
        });
    return outcome;
  }

  private SaveResponse saveBlocking(SessionClaims claims, SaveRequest request) {
    ExamFacts exam = exams.get(claims.examId());
    List<ValidAnswer> valid = validator.validate(claims, request, exam);
    Instant now = clock.instant();
    if (exam.releasedAt().isEmpty()) {
      SessionRules.requireAcceptingAnswers(lookup.facts(claims.sessionId()), exam, now);
    }
    Duration overrun = SessionRules.overrun(exam, now).orElseThrow();
    Verdicts verdicts = hot.accept(claims.sessionId(), items(valid), overrun);
    return finishBlocking(claims, valid, exam, now, overrun, verdicts);
  }

  private SaveResponse finishBlocking(
      SessionClaims claims,
      List<ValidAnswer> valid,
      ExamFacts exam,
      Instant now,
      Duration overrun,
      Verdicts verdicts) {
    if (verdicts.sessionMissing()) {
      lookup.rebuild(claims.sessionId());
      verdicts = hot.accept(claims.sessionId(), items(valid), overrun);
    }
    return await(afterAccept(claims, valid, exam, now, verdicts));
  }

  private static List<AnswerItem> items(List<ValidAnswer> valid) {
    return valid.stream().map(ValidAnswer::item).toList();
  }

  /** Blocks only for OLDER verdicts (a Spanner read); the rest is queued for the next commit. */
  private CompletableFuture<SaveResponse> afterAccept(
      SessionClaims claims,
      List<ValidAnswer> valid,
      ExamFacts exam,
      Instant now,
      Verdicts verdicts) {
    if (verdicts.blockedSession().isPresent()) {
      SessionRules.requireAcceptingAnswers(verdicts.blockedSession().get(), exam, now);
      throw new ExamdayException(
          SessionError.SESSION_SUBMITTED,
          "This exam is being submitted; answers can no longer change.");
    }
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
    if (mutations.isEmpty()) {
      return CompletableFuture.completedFuture(acks(valid, committedAt));
    }
    List<AnswerItem> items = written.stream().map(i -> valid.get(i).item()).toList();
    CommittedSave save = new CommittedSave(claims.sessionId(), claims.examId(), items);
    return writer
        .write(mutations, save)
        .handle(
            (timestamp, error) -> {
              if (error != null) {
                throw unavailable(unwrap(error));
              }
              Instant committed = Timestamps.instant(timestamp);
              for (int i : written) {
                committedAt[i] = committed;
              }
              return acks(valid, committedAt);
            });
  }

  private static SaveResponse acks(List<ValidAnswer> valid, Instant[] committedAt) {
    List<SaveResponse.Ack> acks = new ArrayList<>(valid.size());
    for (int i = 0; i < valid.size(); i++) {
      AnswerItem item = valid.get(i).item();
      acks.add(new SaveResponse.Ack(item.questionId(), item.seq(), "SAVED", committedAt[i]));
    }
    return new SaveResponse(acks);
  }

  private CompletableFuture<SaveResponse> blocking(Supplier<SaveResponse> work) {
    try {
      return CompletableFuture.supplyAsync(work, virtualThreads);
    } catch (RejectedExecutionException shuttingDown) {
      return CompletableFuture.failedFuture(
          new ExamdayException(
              SessionError.STORAGE_UNAVAILABLE,
              "The answer was not saved (this server is shutting down); retry the same request.",
              shuttingDown));
    }
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

  private static SaveResponse await(CompletableFuture<SaveResponse> save) {
    return Awaits.await(save, AutosaveService::unavailable);
  }

  /** The failure inside a future's wrapping. */
  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static ExamdayException unavailable(Throwable cause) {
    String detail =
        switch (cause) {
          case SpannerException se -> "storage " + se.getErrorCode().name();
          case GroupCommitter.Refused refused -> refused.getMessage();
          default -> "storage " + cause.getClass().getSimpleName();
        };
    return new ExamdayException(
        SessionError.STORAGE_UNAVAILABLE,
        "The answer was not saved (" + detail + "); retry the same request.",
        cause);
  }
}
