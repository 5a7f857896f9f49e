package io.examday.session.session;

import io.examday.common.error.ExamdayException;
import io.examday.session.autosave.AnswerStore;
import io.examday.session.domain.SessionFacts;
import io.examday.session.error.SessionError;
import io.examday.session.hotstate.HotStateStore;
import jakarta.inject.Singleton;

/**
 * A session's facts from the hot state, rebuilt from Spanner when Redis does not have them (first
 * use, eviction, failover or a flush): Redis loss costs a read, never an answer.
 */
@Singleton
public class SessionLookup {

  private final HotStateStore hot;
  private final SessionStore sessions;
  private final AnswerStore answers;

  public SessionLookup(HotStateStore hot, SessionStore sessions, AnswerStore answers) {
    this.hot = hot;
    this.sessions = sessions;
    this.answers = answers;
  }

  public SessionFacts facts(String sessionId) {
    return hot.facts(sessionId).orElseGet(() -> rebuild(sessionId));
  }

  public SessionFacts rebuild(String sessionId) {
    SessionFacts facts =
        sessions
            .find(sessionId)
            .orElseThrow(
                () ->
                    new ExamdayException(
                        SessionError.UNKNOWN_SESSION, "This session does not exist."));
    hot.load(
        facts, answers.latest(sessionId).stream().map(AnswerStore.StoredAnswer::durable).toList());
    return hot.facts(sessionId).orElse(facts);
  }
}
