package io.examday.common.spanner;

import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;

/** The one way a new session row is written (schema in db/migration, table Sessions). */
public final class SessionRows {

  private SessionRows() {}

  /** A candidate's first attempt: ACTIVE, no extra time, no pauses. */
  public static Mutation firstAttempt(String sessionId, String candidateId, String examId) {
    return Mutation.newInsertBuilder("Sessions")
        .set("SessionId")
        .to(sessionId)
        .set("CandidateId")
        .to(candidateId)
        .set("ExamId")
        .to(examId)
        .set("Attempt")
        .to(1)
        .set("Status")
        .to("ACTIVE")
        .set("ExtraSeconds")
        .to(0)
        .set("PausedSeconds")
        .to(0)
        .set("CreatedAt")
        .to(Value.COMMIT_TIMESTAMP)
        .set("UpdatedAt")
        .to(Value.COMMIT_TIMESTAMP)
        .build();
  }
}
