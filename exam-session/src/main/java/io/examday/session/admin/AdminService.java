package io.examday.session.admin;

import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.KeySet;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Struct;
import io.examday.common.error.ExamdayException;
import io.examday.common.spanner.SessionRows;
import io.examday.session.domain.CredentialHasher;
import io.examday.session.error.SessionError;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.login.DirectoryCache;
import io.examday.session.login.LoginService;
import io.examday.session.session.AuditEntry;
import io.examday.session.spanner.Transactions;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Defines exams and registers candidates (with their first session, so login only reads). */
@Singleton
public class AdminService {

  static final int MAX_IMPORT = 1000;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private final Transactions transactions;
  private final ExamCatalog exams;
  private final CredentialHasher hasher;
  private final DirectoryCache directory;

  public AdminService(
      Transactions transactions, ExamCatalog exams, LoginService login, DirectoryCache directory) {
    this.transactions = transactions;
    this.exams = exams;
    this.hasher = login.hasher();
    this.directory = directory;
  }

  public void defineExam(String actor, String examId, ExamDefinition exam) {
    requireId(examId, "exam id");
    if (exam == null
        || exam.title() == null
        || exam.title().isBlank()
        || exam.scheduledStart() == null
        || exam.durationSeconds() == null
        || exam.durationSeconds() < 60
        || exam.graceSeconds() == null
        || exam.graceSeconds() < 0
        || exam.questionIds() == null
        || exam.questionIds().isEmpty()) {
      throw new ExamdayException(
          SessionError.MALFORMED_REQUEST,
          "Send title, scheduledStart, durationSeconds (>= 60), graceSeconds (>= 0) and"
              + " questionIds (not empty).");
    }
    Set<String> questions = new HashSet<>();
    for (String q : exam.questionIds()) {
      requireId(q, "question id");
      if (!questions.add(q)) {
        throw new ExamdayException(
            SessionError.MALFORMED_REQUEST, "Question " + q + " is listed twice.");
      }
    }
    transactions.run(
        tx -> {
          Struct release = tx.readRow("ExamReleases", Key.of(examId), List.of("ExamId"));
          if (release != null) {
            throw new ExamdayException(
                SessionError.INVALID_ACTION, "The exam is released; it can no longer change.");
          }
          tx.buffer(
              ExamRows.exam(
                  examId,
                  exam.title(),
                  exam.scheduledStart(),
                  exam.durationSeconds(),
                  exam.graceSeconds()));
          tx.buffer(Mutation.delete("Questions", KeySet.prefixRange(Key.of(examId))));
          long position = 0;
          for (String q : exam.questionIds()) {
            tx.buffer(ExamRows.question(examId, q, position++));
          }
          tx.buffer(
              new AuditEntry(
                      actor,
                      "DEFINE_EXAM",
                      "exam definition",
                      "{\"questions\":" + questions.size() + "}")
                  .mutation(examId, null));
          return null;
        });
    exams.forget(examId);
  }

  /** Registers candidates; re-importing a roll number updates its code and extra time. */
  public int importCandidates(String actor, String examId, CandidateImport request) {
    exams.get(examId);
    if (request == null
        || request.candidates() == null
        || request.candidates().isEmpty()
        || request.candidates().size() > MAX_IMPORT) {
      throw new ExamdayException(
          SessionError.MALFORMED_REQUEST, "Send 1 to " + MAX_IMPORT + " candidates per request.");
    }
    List<Mutation> candidates = new ArrayList<>();
    List<String> sessionIds = new ArrayList<>();
    List<Mutation> sessions = new ArrayList<>();
    Set<String> rolls = new HashSet<>();
    for (CandidateImport.Entry entry : request.candidates()) {
      validate(entry, rolls);
      String candidateId = candidateId(entry.rollNumber());
      String sessionId = firstSessionId(candidateId);
      long extra = entry.extraTimeSeconds() == null ? 0 : entry.extraTimeSeconds();
      candidates.add(
          ExamRows.candidate(
              candidateId,
              examId,
              entry.rollNumber(),
              hasher.hash(entry.accessCode()),
              extra,
              sessionId));
      sessionIds.add(sessionId);
      sessions.add(SessionRows.firstAttempt(sessionId, candidateId, examId));
    }
    // Tombstones before and after the commit: no login may cache the old record meanwhile.
    directory.forgetPending(rolls);
    Transactions.Committed<Void> committed =
        transactions.runCommitted(
            tx -> {
              Set<String> existing = new HashSet<>();
              KeySet.Builder keys = KeySet.newBuilder();
              sessionIds.forEach(id -> keys.addKey(Key.of(id)));
              try (ResultSet rows =
                  tx.read("Sessions", keys.build(), List.of("SessionId", "ExamId"))) {
                while (rows.next()) {
                  if (!rows.getString("ExamId").equals(examId)) {
                    throw new ExamdayException(
                        SessionError.INVALID_ACTION,
                        "A roll number in this batch is registered for another exam.");
                  }
                  existing.add(rows.getString("SessionId"));
                }
              }
              tx.buffer(candidates);
              for (int i = 0; i < sessions.size(); i++) {
                if (!existing.contains(sessionIds.get(i))) {
                  tx.buffer(sessions.get(i));
                }
              }
              tx.buffer(
                  new AuditEntry(
                          actor,
                          "IMPORT_CANDIDATES",
                          "candidate import",
                          "{\"count\":" + sessions.size() + "}")
                      .mutation(examId, null));
              return null;
            });
    directory.forgotAt(rolls, committed.commitTimestamp());
    return sessions.size();
  }

  private static void validate(CandidateImport.Entry entry, Set<String> rolls) {
    if (entry == null || entry.rollNumber() == null || entry.accessCode() == null) {
      throw new ExamdayException(
          SessionError.MALFORMED_REQUEST, "Every candidate needs rollNumber and accessCode.");
    }
    requireId(entry.rollNumber(), "roll number");
    if (entry.accessCode().length() < 6 || entry.accessCode().length() > 128) {
      throw new ExamdayException(
          SessionError.MALFORMED_REQUEST, "Access codes are 6 to 128 characters.");
    }
    if (entry.extraTimeSeconds() != null
        && (entry.extraTimeSeconds() < 0 || entry.extraTimeSeconds() > 4 * 3600)) {
      throw new ExamdayException(SessionError.MALFORMED_REQUEST, "extraTimeSeconds is 0 to 14400.");
    }
    if (!rolls.add(entry.rollNumber())) {
      throw new ExamdayException(
          SessionError.MALFORMED_REQUEST, "A roll number appears twice in this batch.");
    }
  }

  private static void requireId(String id, String what) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new ExamdayException(
          SessionError.MALFORMED_REQUEST,
          "A " + what + " is 1 to 64 letters, digits, '.', '_' or '-'.");
    }
  }

  /** Stable ids: re-importing a roll number finds the same candidate and session. */
  static String candidateId(String rollNumber) {
    return UUID.nameUUIDFromBytes(("candidate:" + rollNumber).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  static String firstSessionId(String candidateId) {
    return UUID.nameUUIDFromBytes(
            ("session:" + candidateId + ":1").getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
