package io.examday.session.session;

import io.examday.common.error.ExamdayException;
import io.examday.session.domain.SessionFacts;
import io.examday.session.error.SessionError;
import io.examday.session.hotstate.HotStateStore;
import io.examday.session.spanner.Awaits;
import jakarta.inject.Singleton;

/**
 * A session's facts from the hot state, rebuilt from Spanner when Redis does not have them (first
 * use, eviction, failover or a flush): Redis loss costs a read, never an answer.
 */
@Singleton
public class SessionLookup {

  private final HotStateStore hot;
  private final SessionRebuilds rebuilds;

  public SessionLookup(HotStateStore hot, SessionRebuilds rebuilds) {
    this.hot = hot;
    this.rebuilds = rebuilds;
  }

  public SessionFacts facts(String sessionId) {
    return hot.facts(sessionId).orElseGet(() -> rebuild(sessionId));
  }

  /**
   * Loads the session's hot state from Spanner, batched with the other sessions missing at the same
   * moment ({@link SessionRebuilds}); what Redis holds then wins (it may be newer). Call it from a
   * thread that may block (a virtual thread).
   */
  public SessionFacts rebuild(String sessionId) {
    SessionFacts facts = Awaits.await(rebuilds.rebuild(sessionId), SessionLookup::unavailable);
    return hot.facts(sessionId).orElse(facts);
  }

  private static ExamdayException unavailable(Throwable cause) {
    return new ExamdayException(
        SessionError.STORAGE_UNAVAILABLE,
        "Your session could not be read from storage in time; retry the same request.",
        cause);
  }
}
