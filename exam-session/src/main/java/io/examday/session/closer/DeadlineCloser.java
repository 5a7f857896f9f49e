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
import java.util.UUID;
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
  // small Exams and ExamReleases tables, and only then reads their ACTIVE sessions from
  // SessionsByExam (a seek), and judges each with SessionRules (the one deadline
  // formula). During an exam nothing of its sessions is read; before, every pod read every ACTIVE
  // session of every released exam every 5 s (1.4 million rows per run, per pod) with a query
  // the emulator ran as a scan of all sessions and candidates.
  private static final String EXAMS_PAST_BASE_END =
      "SELECT e.ExamId FROM Exams e JOIN ExamReleases r ON r.ExamId = e.ExamId"
          + " WHERE TIMESTAMP_ADD(r.ReleasedAt, INTERVAL (e.DurationSeconds + e.GraceSeconds)"
          + " SECOND) < @now";
  private static final String ACTIVE_SESSIONS =
      "SELECT SessionId FROM Sessions@{FORCE_INDEX=SessionsByExam}"
          + " WHERE ExamId = @exam AND Status = 'ACTIVE' AND SessionId ";
  private static final String ACTIVE_FROM = ACTIVE_SESSIONS + ">= @pivot ORDER BY SessionId";
  private static final String ACTIVE_BEFORE = ACTIVE_SESSIONS + "< @pivot ORDER BY SessionId";

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
      total += closeOverdue(exams.get(examId));
    }
    if (total > 0) {
      LOG.infof("closed %d overdue sessions at their deadlines", total);
    }
    return total;
  }

  /**
   * Streams the exam's ACTIVE session ids from SessionsByExam and judges and closes them {@code
   * batchSize} at a time, starting at a random session id and wrapping around: every pod runs the
   * closer, and pods that all started at the first id would all judge and try to close the same
   * sessions, one pod's work done many times over with its transactions in each other's way.
   * Sessions closed meanwhile elsewhere are skipped by the close's own re-read.
   */
  private int closeOverdue(ExamFacts exam) {
    String pivot = UUID.randomUUID().toString();
    return closeOverdue(exam, ACTIVE_FROM, pivot) + closeOverdue(exam, ACTIVE_BEFORE, pivot);
  }

  private int closeOverdue(ExamFacts exam, String sql, String pivot) {
    int batch = config.closer().batchSize();
    int total = 0;
    List<String> page = new ArrayList<>(batch);
    Statement query =
        Statement.newBuilder(sql).bind("exam").to(exam.examId()).bind("pivot").to(pivot).build();
    try (ResultSet rows = db.singleUse().executeQuery(query)) {
      while (rows.next()) {
        page.add(rows.getString(0));
        if (page.size() == batch) {
          total += closeOverdue(exam, page);
          page = new ArrayList<>(batch);
        }
      }
    }
    return page.isEmpty() ? total : total + closeOverdue(exam, page);
  }

  /**
   * Judges a page outside any transaction and opens one only for the overdue (the close re-reads
   * and re-judges them in it): a page of sessions with time left costs two reads, not a read-write
   * transaction holding their rows (and the emulator's one write slot).
   */
  private int closeOverdue(ExamFacts exam, List<String> page) {
    Instant now = clock.instant();
    List<String> overdue =
        sessions.findAll(page).values().stream()
            .filter(s -> SessionRules.overdueSubmittedAt(s, exam, now).isPresent())
            .map(SessionFacts::sessionId)
            .toList();
    return overdue.isEmpty() ? 0 : close(overdue);
  }

  private List<String> examsPastBaseEnd(Instant now) {
    List<String> ids = new ArrayList<>();
    Statement query =
        Statement.newBuilder(EXAMS_PAST_BASE_END).bind("now").to(Timestamps.timestamp(now)).build();
    try (ResultSet rows = db.singleUse().executeQuery(query)) {
      while (rows.next()) {
        ids.add(rows.getString("ExamId"));
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
