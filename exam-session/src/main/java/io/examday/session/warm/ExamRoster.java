package io.examday.session.warm;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.ReadOnlyTransaction;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import com.google.cloud.spanner.TimestampBound;
import io.examday.session.domain.SessionFacts;
import io.examday.session.login.CandidateDirectory;
import io.examday.session.session.SessionStore;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An exam's candidates and sessions read from Spanner in batches, all at one snapshot, with
 * single-use reads only (no join: the emulator would scan the tables once per row).
 */
@Singleton
public class ExamRoster {

  private static final String CANDIDATES =
      "SELECT CandidateId, RollNumber, CredentialHash, ExtraTimeSeconds, CurrentSessionId"
          + " FROM Candidates WHERE ExamId = @examId";
  private static final String SESSIONS =
      "SELECT SessionId, CandidateId, ExamId, Status, ExtraSeconds, PausedSeconds, PausedAt,"
          + " SubmittedAt FROM Sessions WHERE ExamId = @examId";

  /**
   * The moment every read of one warm-up is made at.
   *
   * @param examId the exam
   * @param readAt the snapshot's timestamp
   * @param released whether the exam's release was recorded at that snapshot
   */
  public record Snapshot(String examId, Timestamp readAt, boolean released) {}

  /**
   * A registered candidate as login looks it up.
   *
   * @param rollNumber the roll number
   * @param candidate the directory entry
   */
  public record Registered(String rollNumber, CandidateDirectory.Candidate candidate) {}

  private final DatabaseClient db;

  public ExamRoster(DatabaseClient db) {
    this.db = db;
  }

  public Snapshot snapshot(String examId) {
    try (ReadOnlyTransaction first = db.singleUseReadOnlyTransaction()) {
      boolean released = first.readRow("ExamReleases", Key.of(examId), List.of("ExamId")) != null;
      return new Snapshot(examId, first.getReadTimestamp(), released);
    }
  }

  /**
   * Streams the candidates in batches; returns the accommodations (extra seconds) of those who have
   * one, which their sessions need.
   */
  public Map<String, Long> candidates(Snapshot at, int batch, Consumer<List<Registered>> sink) {
    Map<String, Long> extra = new HashMap<>();
    List<Registered> page = new ArrayList<>(batch);
    try (ResultSet rows = query(at, CANDIDATES)) {
      while (rows.next()) {
        long extraSeconds = rows.getLong("ExtraTimeSeconds");
        String candidateId = rows.getString("CandidateId");
        if (extraSeconds != 0) {
          extra.put(candidateId, extraSeconds);
        }
        page.add(
            new Registered(
                rows.getString("RollNumber"),
                new CandidateDirectory.Candidate(
                    candidateId,
                    at.examId(),
                    rows.getString("CredentialHash"),
                    extraSeconds,
                    rows.getString("CurrentSessionId"))));
        page = flushIfFull(page, batch, sink);
      }
    }
    flush(page, sink);
    return extra;
  }

  /** Streams the sessions in batches, each with its candidate's accommodation. */
  public void sessions(
      Snapshot at,
      Map<String, Long> extraByCandidate,
      int batch,
      Consumer<List<SessionFacts>> sink) {
    List<SessionFacts> page = new ArrayList<>(batch);
    try (ResultSet rows = query(at, SESSIONS)) {
      while (rows.next()) {
        page.add(
            SessionStore.facts(
                rows, extraByCandidate.getOrDefault(rows.getString("CandidateId"), 0L)));
        page = flushIfFull(page, batch, sink);
      }
    }
    flush(page, sink);
  }

  private ResultSet query(Snapshot at, String sql) {
    return db.singleUse(TimestampBound.ofReadTimestamp(at.readAt()))
        .executeQuery(Statement.newBuilder(sql).bind("examId").to(at.examId()).build());
  }

  private static <T> List<T> flushIfFull(List<T> page, int batch, Consumer<List<T>> sink) {
    if (page.size() < batch) {
      return page;
    }
    sink.accept(page);
    return new ArrayList<>(batch);
  }

  private static <T> void flush(List<T> page, Consumer<List<T>> sink) {
    if (!page.isEmpty()) {
      sink.accept(page);
    }
  }
}
