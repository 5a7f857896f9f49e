package io.examday.session.closer;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.SpannerException;
import com.google.cloud.spanner.Statement;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.domain.ExamFacts;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionRules;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.hotstate.HotStateStore;
import io.examday.session.session.SessionEvents;
import io.examday.session.session.SessionStore;
import io.examday.session.spanner.Timestamps;
import io.examday.session.spanner.Transactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Closes sessions whose deadline (plus grace) has passed: they are recorded as submitted AT THEIR
 * DEADLINE, not when this job ran, and keep every answer saved before it. Safe on every pod at
 * once: each close re-reads the session in its transaction and skips what is no longer ACTIVE.
 */
@Singleton
public class DeadlineCloser {

  private static final Logger LOG = Logger.getLogger(DeadlineCloser.class);
  // No session can be overdue before its exam's release + duration + grace (every extra time and
  // pause only adds to that), so a run first finds the exams past that point, a read of the
  // small Exams and ExamReleases tables, and only then looks at their ACTIVE sessions (a seek on
  // SessionsByExam). During an exam nothing of its sessions is read; before, every pod read every
  // ACTIVE session of every released exam every 5 s (1.4 million rows per run, per pod).
  private static final String EXAMS_PAST_BASE_END =
      "SELECT e.ExamId FROM Exams e JOIN ExamReleases r ON r.ExamId = e.ExamId"
          + " WHERE TIMESTAMP_ADD(r.ReleasedAt, INTERVAL (e.DurationSeconds + e.GraceSeconds)"
          + " SECOND) < @now";
  private static final String OVERDUE =
      "SELECT s.SessionId FROM Sessions@{FORCE_INDEX=SessionsByExam} s"
          + " JOIN Candidates c ON c.CandidateId = s.CandidateId"
          + " JOIN Exams e ON e.ExamId = s.ExamId JOIN ExamReleases r ON r.ExamId = s.ExamId"
          + " WHERE s.ExamId = @exam AND s.Status = 'ACTIVE' AND TIMESTAMP_ADD(r.ReleasedAt,"
          + " INTERVAL (e.DurationSeconds + e.GraceSeconds + c.ExtraTimeSeconds + s.ExtraSeconds"
          + " + s.PausedSeconds) SECOND) < @now LIMIT @limit";

  private final DatabaseClient db;
  private final Transactions transactions;
  private final SessionStore sessions;
  private final ExamCatalog exams;
  private final HotStateStore hot;
  private final SessionEvents events;
  private final Clock clock;
  private final ExamSessionConfig config;
  private final Counter closed;
  private final Counter failures;

  public DeadlineCloser(
      DatabaseClient db,
      Transactions transactions,
      SessionStore sessions,
      ExamCatalog exams,
      HotStateStore hot,
      SessionEvents events,
      Clock clock,
      ExamSessionConfig config,
      MeterRegistry metrics) {
    this.db = db;
    this.transactions = transactions;
    this.sessions = sessions;
    this.exams = exams;
    this.hot = hot;
    this.events = events;
    this.clock = clock;
    this.config = config;
    this.closed =
        Counter.builder("examday.sessions.closed.at.deadline")
            .description("Sessions the server submitted at their deadline")
            .register(metrics);
    this.failures =
        Counter.builder("examday.closer.failures")
            .description("Deadline closer runs cut short by Redis or Spanner being unavailable")
            .register(metrics);
  }

  @Scheduled(
      every = "${examday.closer.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void scheduled() {
    if (config.closer().enabled()) {
      run();
    }
  }

  /**
   * One scheduled run: closes what is overdue, or, with Redis or Spanner unavailable (or closing
   * under a run at shutdown), counts and logs the failure in one line; the next run picks up where
   * this one stopped, as every close re-reads its session.
   *
   * @return whether the run completed
   */
  public boolean run() {
    try {
      closeOverdue();
      return true;
    } catch (SpannerException | JedisException e) {
      failures.increment();
      LOG.warnf(
          "deadline closer: storage unavailable (%s), retried in the next run",
          e instanceof SpannerException spanner
              ? spanner.getErrorCode()
              : e.getClass().getSimpleName());
      return false;
    }
  }

  /** Closes every overdue session now; returns how many it closed. */
  public int closeOverdue() {
    int total = 0;
    for (String examId : examsPastBaseEnd(clock.instant())) {
      List<String> batch;
      do {
        batch = overdue(examId, clock.instant());
        if (!batch.isEmpty()) {
          total += close(batch);
        }
      } while (batch.size() == config.closer().batchSize());
    }
    if (total > 0) {
      LOG.infof("closed %d overdue sessions at their deadlines", total);
    }
    return total;
  }

  private List<String> examsPastBaseEnd(Instant now) {
    return ids(
        Statement.newBuilder(EXAMS_PAST_BASE_END).bind("now").to(Timestamps.timestamp(now)),
        "ExamId");
  }

  private List<String> overdue(String examId, Instant now) {
    return ids(
        Statement.newBuilder(OVERDUE)
            .bind("exam")
            .to(examId)
            .bind("now")
            .to(Timestamps.timestamp(now))
            .bind("limit")
            .to(config.closer().batchSize()),
        "SessionId");
  }

  private List<String> ids(Statement.Builder query, String column) {
    List<String> ids = new ArrayList<>();
    try (ResultSet rows = db.singleUse().executeQuery(query.build())) {
      while (rows.next()) {
        ids.add(rows.getString(column));
      }
    }
    return ids;
  }

  private int close(List<String> ids) {
    Instant now = clock.instant();
    List<SessionFacts> submitted =
        transactions.run(
            tx -> {
              List<SessionFacts> done = new ArrayList<>();
              for (SessionFacts stored : sessions.findAll(tx, ids)) {
                ExamFacts exam = exams.get(stored.examId());
                Optional<Instant> at = SessionRules.overdueSubmittedAt(stored, exam, now);
                if (at.isPresent()) {
                  SessionFacts result = stored.submitted(at.get());
                  tx.buffer(SessionStore.update(result, Optional.of("DEADLINE")));
                  done.add(result);
                }
              }
              return done;
            });
    for (SessionFacts session : submitted) {
      hot.mirror(session);
      events.publish(SessionEvents.SessionEvent.submitted(session));
    }
    closed.increment(submitted.size());
    return submitted.size();
  }
}
