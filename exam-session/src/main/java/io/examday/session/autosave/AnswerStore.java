package io.examday.session.autosave;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.KeyRange;
import com.google.cloud.spanner.KeySet;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Struct;
import com.google.cloud.spanner.StructReader;
import io.examday.common.spanner.AnswerEventRows;
import io.examday.session.domain.AnswerDigest;
import io.examday.session.hotstate.AnswerItem;
import io.examday.session.hotstate.DurableAnswer;
import io.examday.session.spanner.Timestamps;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The answer of record: append-only rows, one per (session, question, sequence). */
@Singleton
public class AnswerStore {

  private static final List<String> KEY_COLUMNS =
      List.of("QuestionId", "ClientSeq", "ValueSha256", "CommittedAt");
  private static final List<String> ALL_COLUMNS =
      List.of("QuestionId", "ClientSeq", "Value", "ValueSha256", "CommittedAt");

  private final DatabaseClient db;

  public AnswerStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * A stored answer.
   *
   * @param questionId the question
   * @param seq the client's sequence
   * @param value the answer
   * @param sha256 its digest
   * @param committedAt the commit timestamp
   */
  public record StoredAnswer(
      String questionId, long seq, String value, byte[] sha256, Instant committedAt) {

    public DurableAnswer durable() {
      return new DurableAnswer(
          new AnswerItem(questionId, seq, AnswerDigest.hex(sha256)), committedAt);
    }
  }

  /**
   * The newest stored answer of every question of each session, without values: one read of the
   * sessions' key ranges. This is what rebuilding the hot state needs. Sessions without answers are
   * absent from the map.
   */
  public Map<String, List<DurableAnswer>> latestDigests(Collection<String> sessionIds) {
    Map<String, Map<String, DurableAnswer>> newest = new HashMap<>();
    if (!sessionIds.isEmpty()) {
      KeySet.Builder ranges = KeySet.newBuilder();
      sessionIds.forEach(id -> ranges.addRange(KeyRange.prefix(Key.of(id))));
      List<String> columns = new ArrayList<>(KEY_COLUMNS);
      columns.add("SessionId");
      try (ResultSet rows = db.singleUse().read("AnswerEvents", ranges.build(), columns)) {
        while (rows.next()) {
          DurableAnswer answer =
              new DurableAnswer(
                  new AnswerItem(
                      rows.getString("QuestionId"),
                      rows.getLong("ClientSeq"),
                      AnswerDigest.hex(rows.getBytes("ValueSha256").toByteArray())),
                  Timestamps.instant(rows.getTimestamp("CommittedAt")));
          newest
              .computeIfAbsent(rows.getString("SessionId"), id -> new HashMap<>())
              .merge(
                  answer.item().questionId(),
                  answer,
                  (a, b) -> a.item().seq() >= b.item().seq() ? a : b);
        }
      }
    }
    Map<String, List<DurableAnswer>> latest = new HashMap<>();
    newest.forEach((session, byQuestion) -> latest.put(session, List.copyOf(byQuestion.values())));
    return latest;
  }

  /** The newest stored answer of every question, with values (the candidate's resume). */
  public List<StoredAnswer> latest(String sessionId) {
    List<DurableAnswer> newest =
        latestDigests(List.of(sessionId)).getOrDefault(sessionId, List.of());
    if (newest.isEmpty()) {
      return List.of();
    }
    KeySet.Builder keys = KeySet.newBuilder();
    newest.forEach(a -> keys.addKey(Key.of(sessionId, a.item().questionId(), a.item().seq())));
    List<StoredAnswer> answers = new ArrayList<>(newest.size());
    try (ResultSet rows = db.singleUse().read("AnswerEvents", keys.build(), ALL_COLUMNS)) {
      while (rows.next()) {
        answers.add(stored(rows));
      }
    }
    answers.sort(java.util.Comparator.comparing(StoredAnswer::questionId));
    return answers;
  }

  /** One exact answer, used to tell an acknowledged old retry from a stale write. */
  public Optional<StoredAnswer> find(String sessionId, String questionId, long seq) {
    Struct row =
        db.singleUse().readRow("AnswerEvents", Key.of(sessionId, questionId, seq), ALL_COLUMNS);
    return Optional.ofNullable(row).map(AnswerStore::stored);
  }

  /** Blind, idempotent write: the same (session, question, seq) always holds the same value. */
  public static Mutation mutation(
      String sessionId, String questionId, long seq, String value, byte[] sha256) {
    return AnswerEventRows.blindWrite(sessionId, questionId, seq, value, sha256);
  }

  private static StoredAnswer stored(StructReader row) {
    return new StoredAnswer(
        row.getString("QuestionId"),
        row.getLong("ClientSeq"),
        row.getString("Value"),
        row.getBytes("ValueSha256").toByteArray(),
        Timestamps.instant(row.getTimestamp("CommittedAt")));
  }
}
