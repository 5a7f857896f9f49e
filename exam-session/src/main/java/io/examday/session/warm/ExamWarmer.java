package io.examday.session.warm;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.hotstate.HotStateStore;
import io.examday.session.login.CandidateDirectory;
import io.examday.session.login.DirectoryCache;
import io.examday.session.spanner.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Loads an exam's login directory and, before the release, its sessions into Redis, so that the
 * synchronized start reads Redis instead of Spanner: the start time is known, so the data is staged
 * ahead of it like the pods are. Runs by itself for exams starting within {@code examday.warm.lead}
 * (one pod per exam, by a Redis claim), and on demand from the admin API.
 */
@Singleton
public class ExamWarmer {

  private static final Logger LOG = Logger.getLogger(ExamWarmer.class);
  private static final String DUE =
      "SELECT e.ExamId FROM Exams e LEFT JOIN ExamReleases r ON r.ExamId = e.ExamId"
          + " WHERE r.ExamId IS NULL AND e.ScheduledStart BETWEEN @from AND @until";

  private final DatabaseClient db;
  private final ExamRoster roster;
  private final ExamCatalog exams;
  private final DirectoryCache directory;
  private final HotStateStore hot;
  private final UnifiedJedis redis;
  private final Clock clock;
  private final ExamSessionConfig.WarmConfig config;
  private final Timer duration;

  public ExamWarmer(
      DatabaseClient db,
      ExamRoster roster,
      ExamCatalog exams,
      DirectoryCache directory,
      HotStateStore hot,
      UnifiedJedis redis,
      Clock clock,
      ExamSessionConfig config,
      MeterRegistry metrics) {
    this.db = db;
    this.roster = roster;
    this.exams = exams;
    this.directory = directory;
    this.hot = hot;
    this.redis = redis;
    this.clock = clock;
    this.config = config.warm();
    this.duration =
        Timer.builder("examday.warm.duration")
            .description("How long an exam's warm-up took")
            .register(metrics);
  }

  /** Warms one exam now (idempotent: what is already in Redis is kept). */
  public WarmReport warm(String examId) {
    exams.get(examId); // UNKNOWN_EXAM for an exam that does not exist
    long started = System.nanoTime();
    ExamRoster.Snapshot at = roster.snapshot(examId);
    AtomicInteger candidates = new AtomicInteger();
    Map<String, Long> extra =
        roster.candidates(
            at,
            config.batchSize(),
            page -> {
              Map<String, CandidateDirectory.Candidate> entries = new LinkedHashMap<>();
              page.forEach(r -> entries.put(r.rollNumber(), r.candidate()));
              directory.putAll(entries, at.readAt());
              candidates.addAndGet(page.size());
            });
    AtomicInteger sessions = new AtomicInteger();
    if (!at.released()) {
      // Before the release no session has an answer, so each is complete without one. After it,
      // sessions are rebuilt on first use with their answers read from Spanner.
      roster.sessions(
          at,
          extra,
          config.batchSize(),
          page -> {
            hot.loadAll(page);
            sessions.addAndGet(page.size());
          });
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    duration.record(took);
    LOG.infof(
        "exam %s warmed: %d candidates, %d sessions, released=%s, %d ms",
        examId, candidates.get(), sessions.get(), at.released(), took.toMillis());
    return new WarmReport(examId, candidates.get(), sessions.get(), at.released(), took.toMillis());
  }

  @Scheduled(
      every = "${examday.warm.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void scheduled() {
    if (config.enabled()) {
      warmDue();
    }
  }

  /** Warms every exam due within the lead that no pod has claimed yet. */
  public List<WarmReport> warmDue() {
    List<WarmReport> done = new ArrayList<>();
    for (String examId : due()) {
      if (!claim(examId)) {
        continue;
      }
      try {
        done.add(warm(examId));
      } catch (RuntimeException e) {
        release(examId); // the next run tries again
        LOG.warnf("warm-up of exam %s failed: %s", examId, e.getClass().getSimpleName());
      }
    }
    return done;
  }

  private List<String> due() {
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>();
    Statement query =
        Statement.newBuilder(DUE)
            .bind("from")
            .to(Timestamps.timestamp(now.minus(config.lead())))
            .bind("until")
            .to(Timestamps.timestamp(now.plus(config.lead())))
            .build();
    try (ResultSet rows = db.singleUse().executeQuery(query)) {
      while (rows.next()) {
        ids.add(rows.getString("ExamId"));
      }
    }
    return ids;
  }

  private boolean claim(String examId) {
    try {
      long seconds = config.lead().multipliedBy(3).toSeconds();
      return "OK"
          .equals(
              redis.set(
                  claimKey(examId),
                  clock.instant().toString(),
                  SetParams.setParams().nx().ex(seconds)));
    } catch (JedisException e) {
      return false;
    }
  }

  private void release(String examId) {
    try {
      redis.del(claimKey(examId));
    } catch (JedisException e) {
      LOG.debugf("claim of %s left to expire", examId);
    }
  }

  private static String claimKey(String examId) {
    return "warmed:{" + examId + "}";
  }
}
