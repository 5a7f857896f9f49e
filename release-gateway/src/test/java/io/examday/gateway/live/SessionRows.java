package io.examday.gateway.live;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Session rows as exam-session writes them, for the gateway's tests of what it reads. */
final class SessionRows {

  private SessionRows() {}

  /** Writes (inserts or replaces) a session's row; returns its session id. */
  static String write(
      DatabaseClient client,
      String sessionId,
      String examId,
      String status,
      long extraSeconds,
      long pausedSeconds,
      Optional<Instant> pausedAt) {
    Mutation.WriteBuilder row =
        Mutation.newInsertOrUpdateBuilder("Sessions")
            .set("SessionId")
            .to(sessionId)
            .set("CandidateId")
            .to(UUID.randomUUID().toString())
            .set("ExamId")
            .to(examId)
            .set("Attempt")
            .to(1L)
            .set("Status")
            .to(status)
            .set("ExtraSeconds")
            .to(extraSeconds)
            .set("PausedSeconds")
            .to(pausedSeconds)
            .set("PausedAt")
            .to(pausedAt.map(SessionRows::timestamp).orElse(null))
            .set("CreatedAt")
            .to(Value.COMMIT_TIMESTAMP)
            .set("UpdatedAt")
            .to(Value.COMMIT_TIMESTAMP);
    client.write(List.of(row.build()));
    return sessionId;
  }

  private static Timestamp timestamp(Instant at) {
    return Timestamp.ofTimeSecondsAndNanos(at.getEpochSecond(), at.getNano());
  }
}
