package io.examday.session.login;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.Struct;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Looks candidates up by roll number: one index read, no transaction. */
@Singleton
public class CandidateDirectory {

  private static final List<String> COLUMNS =
      List.of("CandidateId", "ExamId", "CredentialHash", "ExtraTimeSeconds", "CurrentSessionId");

  /**
   * What login needs of a candidate.
   *
   * @param candidateId the candidate
   * @param examId the exam
   * @param credentialHash the access-code hash
   * @param extraTimeSeconds accommodation
   * @param sessionId the current attempt's session
   */
  public record Candidate(
      String candidateId,
      String examId,
      String credentialHash,
      long extraTimeSeconds,
      String sessionId) {}

  private final DatabaseClient db;

  public CandidateDirectory(DatabaseClient db) {
    this.db = db;
  }

  public Optional<Candidate> byRollNumber(String rollNumber) {
    Struct row =
        db.singleUse()
            .readRowUsingIndex("Candidates", "CandidatesByRollNumber", Key.of(rollNumber), COLUMNS);
    return Optional.ofNullable(row)
        .map(
            r ->
                new Candidate(
                    r.getString("CandidateId"),
                    r.getString("ExamId"),
                    r.getString("CredentialHash"),
                    r.getLong("ExtraTimeSeconds"),
                    r.getString("CurrentSessionId")));
  }
}
