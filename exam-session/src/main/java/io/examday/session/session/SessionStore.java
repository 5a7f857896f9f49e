package io.examday.session.session;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.KeySet;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.ReadContext;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Struct;
import com.google.cloud.spanner.StructReader;
import com.google.cloud.spanner.TransactionContext;
import com.google.cloud.spanner.Value;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionStatus;
import io.examday.session.spanner.Timestamps;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Sessions in Spanner, the record of their status and deadline inputs. */
@Singleton
public class SessionStore {

  private static final List<String> SESSION_COLUMNS =
      List.of(
          "SessionId",
          "CandidateId",
          "ExamId",
          "Status",
          "ExtraSeconds",
          "PausedSeconds",
          "PausedAt",
          "SubmittedAt");

  private final DatabaseClient db;

  public SessionStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * A session, read inside a read-write transaction (its row, then its candidate's accommodation),
   * so the update that follows is conditional.
   */
  public Optional<SessionFacts> find(TransactionContext tx, String sessionId) {
    return find((ReadContext) tx, sessionId);
  }

  private static Optional<SessionFacts> find(ReadContext reader, String sessionId) {
    Struct session = reader.readRow("Sessions", Key.of(sessionId), SESSION_COLUMNS);
    return session == null
        ? Optional.empty()
        : Optional.of(facts(session, candidateExtra(reader, session)));
  }

  private static long candidateExtra(ReadContext reader, Struct session) {
    Struct candidate =
        reader.readRow(
            "Candidates", Key.of(session.getString("CandidateId")), List.of("ExtraTimeSeconds"));
    return candidate == null ? 0 : candidate.getLong("ExtraTimeSeconds");
  }

  /**
   * Several sessions by key, outside a transaction: one read of their rows and one of their
   * candidates' accommodations, by primary key (a join would scan on the emulator). Two single-use
   * reads, not a read-only transaction: the emulator answers concurrent multi-use transactions with
   * FAILED_PRECONDITION, and the two reads need no common snapshot. Absent ids are absent from the
   * map.
   */
  public java.util.Map<String, SessionFacts> findAll(java.util.Collection<String> ids) {
    return findAll(db::singleUse, ids);
  }

  /**
   * Several sessions, read inside a read-write transaction, by key as above (the closer's join
   * scanned every candidate of the database on the emulator while its transaction held the lock).
   */
  public java.util.List<SessionFacts> findAll(TransactionContext tx, java.util.List<String> ids) {
    return java.util.List.copyOf(findAll(() -> tx, ids).values());
  }

  private static java.util.Map<String, SessionFacts> findAll(
      java.util.function.Supplier<ReadContext> reader, java.util.Collection<String> ids) {
    java.util.Map<String, Struct> rows = new java.util.LinkedHashMap<>();
    KeySet.Builder sessionKeys = KeySet.newBuilder();
    ids.forEach(id -> sessionKeys.addKey(Key.of(id)));
    try (ResultSet found = reader.get().read("Sessions", sessionKeys.build(), SESSION_COLUMNS)) {
      while (found.next()) {
        rows.put(found.getString("SessionId"), found.getCurrentRowAsStruct());
      }
    }
    java.util.Map<String, Long> extra = new java.util.HashMap<>();
    if (!rows.isEmpty()) {
      KeySet.Builder candidateKeys = KeySet.newBuilder();
      rows.values().forEach(row -> candidateKeys.addKey(Key.of(row.getString("CandidateId"))));
      try (ResultSet found =
          reader
              .get()
              .read(
                  "Candidates",
                  candidateKeys.build(),
                  List.of("CandidateId", "ExtraTimeSeconds"))) {
        while (found.next()) {
          extra.put(found.getString("CandidateId"), found.getLong("ExtraTimeSeconds"));
        }
      }
    }
    java.util.Map<String, SessionFacts> facts = new java.util.LinkedHashMap<>();
    rows.forEach(
        (id, row) ->
            facts.put(id, facts(row, extra.getOrDefault(row.getString("CandidateId"), 0L))));
    return facts;
  }

  /** The blind mutation of a submit: only the submit columns, nothing a proctor changes. */
  public static Mutation submit(SessionFacts submitted, String reason) {
    return Mutation.newUpdateBuilder("Sessions")
        .set("SessionId")
        .to(submitted.sessionId())
        .set("Status")
        .to(SessionStatus.SUBMITTED.name())
        .set("SubmittedAt")
        .to(submitted.submittedAt().map(Timestamps::timestamp).orElse(null))
        .set("SubmitReason")
        .to(reason)
        .set("UpdatedAt")
        .to(Value.COMMIT_TIMESTAMP)
        .build();
  }

  /** The mutation that stores {@code facts}' status and deadline inputs. */
  public static Mutation update(SessionFacts facts, Optional<String> submitReason) {
    Mutation.WriteBuilder row =
        Mutation.newUpdateBuilder("Sessions")
            .set("SessionId")
            .to(facts.sessionId())
            .set("Status")
            .to(facts.status().name())
            .set("ExtraSeconds")
            .to(facts.sessionExtra().toSeconds())
            .set("PausedSeconds")
            .to(facts.completedPauses().toSeconds())
            .set("PausedAt")
            .to(facts.pausedAt().map(Timestamps::timestamp).orElse(null))
            .set("SubmittedAt")
            .to(facts.submittedAt().map(Timestamps::timestamp).orElse(null))
            .set("UpdatedAt")
            .to(Value.COMMIT_TIMESTAMP);
    submitReason.ifPresent(reason -> row.set("SubmitReason").to(reason));
    return row.build();
  }

  /** A session row (the columns of {@link #SESSION_COLUMNS}) with its candidate's accommodation. */
  public static SessionFacts facts(StructReader row, long candidateExtraSeconds) {
    return new SessionFacts(
        row.getString("SessionId"),
        row.getString("CandidateId"),
        row.getString("ExamId"),
        SessionStatus.valueOf(row.getString("Status")),
        Duration.ofSeconds(candidateExtraSeconds),
        Duration.ofSeconds(row.getLong("ExtraSeconds")),
        Duration.ofSeconds(row.getLong("PausedSeconds")),
        Timestamps.optional(row, "PausedAt"),
        Timestamps.optional(row, "SubmittedAt"));
  }
}
