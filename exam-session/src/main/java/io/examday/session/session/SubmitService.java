package io.examday.session.session;

import io.examday.common.error.ExamdayException;
import io.examday.session.domain.ExamFacts;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionRules;
import io.examday.session.domain.SessionStatus;
import io.examday.session.error.SessionError;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.hotstate.HotStateStore;
import io.examday.session.spanner.SharedCommits;
import io.examday.session.spanner.Transactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Final, idempotent submit. The hot state stops accepting saves first (SUBMITTING), then Spanner
 * records the submit, then the hot state mirrors it; a failed Spanner write puts the previous
 * status back so the candidate can carry on and retry.
 */
@Singleton
public class SubmitService {

  private final SessionLookup lookup;
  private final ExamCatalog exams;
  private final HotStateStore hot;
  private final Transactions transactions;
  private final SessionStore sessions;
  private final SessionEvents events;
  private final SharedCommits commits;
  private final Clock clock;

  public SubmitService(
      SessionLookup lookup,
      ExamCatalog exams,
      HotStateStore hot,
      Transactions transactions,
      SessionStore sessions,
      SessionEvents events,
      SharedCommits commits,
      Clock clock) {
    this.lookup = lookup;
    this.exams = exams;
    this.hot = hot;
    this.transactions = transactions;
    this.sessions = sessions;
    this.events = events;
    this.commits = commits;
    this.clock = clock;
  }

  /**
   * A candidate's submit: a blind write of the submit columns only, so thousands of candidates
   * submitting in the same minute never queue on read-write transactions, and it shares the
   * autosaves' commits: a submit storm is a few commits, not one per candidate queued in front of
   * everyone's saves. Redis (the begin-submit script) is what makes concurrent submits of one
   * session agree on one submit time, so the write is idempotent.
   */
  private SessionFacts submitBlind(SessionFacts current, String reason, Instant at) {
    SessionFacts result = current.submitted(at);
    commits.commitSharedAndWait(List.of(SessionStore.submit(result, reason)));
    return result;
  }

  /** A proctor's forced submit: checked against the record and audited in one transaction. */
  private SessionFacts submitInTransaction(
      String sessionId, String reason, AuditEntry entry, Instant at) {
    return transactions.run(
        tx -> {
          SessionFacts stored = sessions.find(tx, sessionId).orElseThrow();
          if (stored.status() == SessionStatus.SUBMITTED) {
            return stored;
          }
          SessionFacts result = stored.submitted(at);
          tx.buffer(SessionStore.update(result, Optional.of(reason)));
          tx.buffer(entry.mutation(stored.examId(), sessionId));
          return result;
        });
  }

  /** Submits; returns the facts as stored. {@code reason}: CANDIDATE or PROCTOR. */
  public SessionFacts submit(String sessionId, String reason, Optional<AuditEntry> audit) {
    SessionFacts current = lookup.facts(sessionId);
    if (current.status() == SessionStatus.SUBMITTED) {
      return current;
    }
    ExamFacts exam = exams.get(current.examId());
    if (exam.releasedAt().isEmpty()) {
      throw new ExamdayException(
          SessionError.EXAM_NOT_STARTED,
          "The exam has not been released; there is nothing to submit.");
    }
    Instant now = clock.instant();
    Instant proposedAt = SessionRules.overdueSubmittedAt(current, exam, now).orElse(now);
    HotStateStore.SubmitStart start = hot.beginSubmit(sessionId, proposedAt);
    if (start.before().isEmpty()) {
      // Redis lost the session since it was read (a flush, a failover): load it again, so saves
      // stop and concurrent submits agree on one time as usual
      lookup.rebuild(sessionId);
      start = hot.beginSubmit(sessionId, proposedAt);
    }
    SessionStatus before = start.before().orElse(current.status());
    try {
      SessionFacts submitted =
          audit.isPresent()
              ? submitInTransaction(sessionId, reason, audit.get(), start.submittedAt())
              : submitBlind(current, reason, start.submittedAt());
      hot.mirror(submitted);
      events.publish(SessionEvents.SessionEvent.submitted(submitted));
      return submitted;
    } catch (RuntimeException e) {
      if (before != SessionStatus.SUBMITTING && before != SessionStatus.SUBMITTED) {
        hot.restoreStatus(sessionId, before);
      }
      throw e;
    }
  }
}
