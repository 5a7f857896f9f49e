package io.examday.session.hotstate;

import io.examday.session.domain.SaveVerdict;
import io.examday.session.domain.SessionFacts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The hot state's answer to an accept: either the session is not accepting (missing from Redis, or
 * not ACTIVE, or past its cut-off), or one verdict per answer in request order.
 *
 * @param sessionMissing Redis has no hot state for the session: rebuild it from Spanner
 * @param blockedSession the session as Redis holds it, when it does not accept answers now
 * @param verdicts one per answer
 * @param alreadySavedAt for ALREADY_SAVED verdicts, when Spanner committed them (else null)
 */
public record Verdicts(
    boolean sessionMissing,
    Optional<SessionFacts> blockedSession,
    List<SaveVerdict> verdicts,
    List<Instant> alreadySavedAt) {

  static Verdicts missing() {
    return new Verdicts(true, Optional.empty(), List.of(), List.of());
  }

  static Verdicts blocked(SessionFacts session) {
    return new Verdicts(false, Optional.of(session), List.of(), List.of());
  }
}
