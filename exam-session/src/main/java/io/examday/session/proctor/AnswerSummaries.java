package io.examday.session.proctor;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.KeyRange;
import com.google.cloud.spanner.KeySet;
import com.google.cloud.spanner.ResultSet;
import io.examday.session.spanner.Timestamps;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far each of a page of sessions has got: questions with a saved answer and the last commit.
 * One read of the page's answer rows by key (each session's rows are a key prefix, interleaved
 * under it), instead of two subqueries per listed session: the emulator runs such subqueries as a
 * scan of every answer of every session (35 s for a page of 100 among 20,000 sessions).
 */
@Singleton
class AnswerSummaries {

  /** A session's progress; {@link #NONE} before its first saved answer. */
  record Summary(long answered, Instant lastSave) {
    static final Summary NONE = new Summary(0, null);
  }

  private final DatabaseClient db;

  AnswerSummaries(DatabaseClient db) {
    this.db = db;
  }

  Map<String, Summary> of(Collection<String> sessionIds) {
    if (sessionIds.isEmpty()) {
      return Map.of();
    }
    KeySet.Builder keys = KeySet.newBuilder();
    sessionIds.forEach(id -> keys.addRange(KeyRange.prefix(Key.of(id))));
    Map<String, Set<String>> questions = new HashMap<>();
    Map<String, Instant> last = new HashMap<>();
    try (ResultSet rows =
        db.singleUse()
            .read(
                "AnswerEvents", keys.build(), List.of("SessionId", "QuestionId", "CommittedAt"))) {
      while (rows.next()) {
        String session = rows.getString(0);
        questions.computeIfAbsent(session, s -> new HashSet<>()).add(rows.getString(1));
        last.merge(
            session, Timestamps.instant(rows.getTimestamp(2)), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    Map<String, Summary> out = new HashMap<>();
    questions.forEach(
        (session, answered) -> out.put(session, new Summary(answered.size(), last.get(session))));
    return out;
  }
}
