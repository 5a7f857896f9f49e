package io.examday.session.login;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.ReadOnlyTransaction;
import com.google.cloud.spanner.Struct;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Looks candidates up by roll number: from the Redis copy ({@link DirectoryCache}) when it has
 * them, else one Spanner index read (no transaction), which then fills the copy.
 */
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
  private final DirectoryCache cache;

  public CandidateDirectory(DatabaseClient db, DirectoryCache cache) {
    this.db = db;
    this.cache = cache;
  }

  public Optional<Candidate> byRollNumber(String rollNumber) {
    Optional<Candidate> cached = cache.find(rollNumber);
    if (cached.isPresent()) {
      return cached;
    }
    try (ReadOnlyTransaction read = db.singleUseReadOnlyTransaction()) {
      Optional<Candidate> found =
          candidate(
              read.readRowUsingIndex(
                  "Candidates", "CandidatesByRollNumber", Key.of(rollNumber), COLUMNS));
      found.ifPresent(c -> cache.put(rollNumber, c, read.getReadTimestamp()));
      return found;
    }
  }

  private static Optional<Candidate> candidate(Struct row) {
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
