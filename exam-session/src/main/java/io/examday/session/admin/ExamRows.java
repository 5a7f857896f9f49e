package io.examday.session.admin;

import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;
import io.examday.session.spanner.Timestamps;
import java.time.Instant;

/**
 * The one way exam-session writes an exam's definition rows (schema in db/migration: Exams,
 * Questions, Candidates), for the admin API and the start-up exercise's synthetic exam alike.
 */
public final class ExamRows {

  private ExamRows() {}

  /** An exam's row; defining it again replaces it. */
  public static Mutation exam(
      String examId,
      String title,
      Instant scheduledStart,
      long durationSeconds,
      long graceSeconds) {
    return Mutation.newInsertOrUpdateBuilder("Exams")
        .set("ExamId")
        .to(examId)
        .set("Title")
        .to(title)
        .set("ScheduledStart")
        .to(Timestamps.timestamp(scheduledStart))
        .set("DurationSeconds")
        .to(durationSeconds)
        .set("GraceSeconds")
        .to(graceSeconds)
        .set("CreatedAt")
        .to(Value.COMMIT_TIMESTAMP)
        .build();
  }

  /** A question of an exam at its position. */
  public static Mutation question(String examId, String questionId, long position) {
    return Mutation.newInsertBuilder("Questions")
        .set("ExamId")
        .to(examId)
        .set("QuestionId")
        .to(questionId)
        .set("Position")
        .to(position)
        .build();
  }

  /** A candidate's row; importing the roll number again updates its code and extra time. */
  public static Mutation candidate(
      String candidateId,
      String examId,
      String rollNumber,
      String credentialHash,
      long extraTimeSeconds,
      String sessionId) {
    return Mutation.newInsertOrUpdateBuilder("Candidates")
        .set("CandidateId")
        .to(candidateId)
        .set("ExamId")
        .to(examId)
        .set("RollNumber")
        .to(rollNumber)
        .set("CredentialHash")
        .to(credentialHash)
        .set("ExtraTimeSeconds")
        .to(extraTimeSeconds)
        .set("CurrentSessionId")
        .to(sessionId)
        .set("CreatedAt")
        .to(Value.COMMIT_TIMESTAMP)
        .build();
  }
}
