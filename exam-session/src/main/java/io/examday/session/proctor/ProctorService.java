package io.examday.session.proctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.examday.common.error.ExamdayException;
import io.examday.session.domain.ExamFacts;
import io.examday.session.domain.SessionFacts;
import io.examday.session.error.SessionError;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.hotstate.HotStateStore;
import io.examday.session.session.AuditEntry;
import io.examday.session.session.SessionEvents;
import io.examday.session.session.SessionLookup;
import io.examday.session.session.SessionStore;
import io.examday.session.session.SubmitService;
import io.examday.session.spanner.Transactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Proctors' changes to a session. Each is one read-write transaction that updates the session and
 * appends the audit line together, so there is never a change without its record.
 */
@Singleton
public class ProctorService {

  private static final Logger LOG = Logger.getLogger(ProctorService.class);
  private static final int MAX_REASON = 1000;
  private final Transactions transactions;
  private final SessionStore sessions;
  private final SessionLookup lookup;
  private final ExamCatalog exams;
  private final HotStateStore hot;
  private final SubmitService submit;
  private final SessionEvents events;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public ProctorService(
      Transactions transactions,
      SessionStore sessions,
      SessionLookup lookup,
      ExamCatalog exams,
      HotStateStore hot,
      SubmitService submit,
      SessionEvents events,
      Clock clock) {
    this.transactions = transactions;
    this.sessions = sessions;
    this.lookup = lookup;
    this.exams = exams;
    this.hot = hot;
    this.submit = submit;
    this.events = events;
    this.clock = clock;
  }

  public SessionFacts addExtraTime(String actor, String sessionId, ProctorAction action) {
    if (action == null || action.seconds() == null) {
      throw new ExamdayException(SessionError.MALFORMED_REQUEST, "Send {\"seconds\", \"reason\"}.");
    }
    long seconds = action.seconds();
    return change(
        actor,
        sessionId,
        "EXTRA_TIME",
        action,
        Map.of("seconds", seconds),
        s -> SessionChanges.addExtraTime(s, seconds));
  }

  public SessionFacts pause(String actor, String sessionId, ProctorAction action) {
    ExamFacts exam = exams.get(lookup.facts(sessionId).examId());
    return change(
        actor,
        sessionId,
        "PAUSE",
        action,
        Map.of(),
        s -> SessionChanges.pause(s, exam, clock.instant()));
  }

  public SessionFacts resume(String actor, String sessionId, ProctorAction action) {
    return change(
        actor,
        sessionId,
        "RESUME",
        action,
        Map.of(),
        s -> SessionChanges.resume(s, clock.instant()));
  }

  public SessionFacts forceSubmit(String actor, String sessionId, ProctorAction action) {
    String reason = requireReason(action);
    return submit.submit(
        sessionId, "PROCTOR", Optional.of(new AuditEntry(actor, "FORCE_SUBMIT", reason, "{}")));
  }

  private SessionFacts change(
      String actor,
      String sessionId,
      String name,
      ProctorAction action,
      Map<String, Object> details,
      UnaryOperator<SessionFacts> rule) {
    String reason = requireReason(action);
    Transactions.Committed<SessionFacts> committed =
        transactions.runCommitted(
            tx -> {
              SessionFacts stored =
                  sessions
                      .find(tx, sessionId)
                      .orElseThrow(
                          () ->
                              new ExamdayException(
                                  SessionError.UNKNOWN_SESSION, "No session " + sessionId + "."));
              SessionFacts result = rule.apply(stored);
              tx.buffer(SessionStore.update(result, Optional.empty()));
              tx.buffer(
                  new AuditEntry(actor, name, reason, toJson(details))
                      .mutation(stored.examId(), sessionId));
              return result;
            });
    SessionFacts changed = committed.result();
    hot.mirror(changed);
    ExamFacts exam = exams.get(changed.examId());
    events.publish(
        SessionEvents.SessionEvent.changed(
            changed,
            changed.deadlineInputs(exam).deadline(clock.instant()).orElse(null),
            committed.commitTimestamp().toSqlTimestamp().toInstant()));
    LOG.infof("proctor action %s on session %s", name, sessionId);
    return changed;
  }

  private static String requireReason(ProctorAction action) {
    if (action == null || action.reason() == null || action.reason().isBlank()) {
      throw new ExamdayException(
          SessionError.MALFORMED_REQUEST, "Give a reason: it is recorded in the audit log.");
    }
    if (action.reason().length() > MAX_REASON) {
      throw new ExamdayException(
          SessionError.MALFORMED_REQUEST,
          "The reason is limited to " + MAX_REASON + " characters.");
    }
    return action.reason().strip();
  }

  private String toJson(Map<String, Object> details) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
