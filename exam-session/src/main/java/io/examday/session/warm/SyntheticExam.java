package io.examday.session.warm;

import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.KeySet;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;
import io.examday.common.spanner.SessionRows;
import io.examday.session.admin.ExamRows;
import io.examday.session.domain.CredentialHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The throwaway exam a pod sits before it takes traffic ({@link StartupExercise}): its own random
 * exam id under {@link #PREFIX}, questions, and candidates with random access codes. Written,
 * released and removed as plain mutations; nothing else in the database refers to it.
 */
record SyntheticExam(String examId, List<String> questionIds, List<Candidate> candidates) {

  /** Exam ids starting with this are start-up exercises, never a real exam. */
  static final String PREFIX = "warmup-";

  static final Duration DURATION = Duration.ofHours(1);

  private static final long GRACE_SECONDS = 60;

  /**
   * One synthetic candidate.
   *
   * @param rollNumber unique to this exam
   * @param accessCode random, never stored (only its hash)
   * @param candidateId row key
   * @param sessionId the candidate's session
   */
  record Candidate(String rollNumber, String accessCode, String candidateId, String sessionId) {}

  static SyntheticExam random(int candidates, int questions, RandomGenerator random) {
    HexFormat hex = HexFormat.of();
    byte[] id = new byte[8];
    random.nextBytes(id);
    String examId = PREFIX + hex.formatHex(id);
    List<String> questionIds = IntStream.rangeClosed(1, questions).mapToObj(q -> "q" + q).toList();
    List<Candidate> list = new ArrayList<>(candidates);
    for (int n = 0; n < candidates; n++) {
      byte[] code = new byte[12];
      random.nextBytes(code);
      list.add(
          new Candidate(
              examId + "-" + n,
              hex.formatHex(code),
              UUID.randomUUID().toString(),
              UUID.randomUUID().toString()));
    }
    return new SyntheticExam(examId, questionIds, List.copyOf(list));
  }

  /** The exam (not released, starting in an hour), its questions, candidates and sessions. */
  List<Mutation> creation(CredentialHasher hasher, Instant now) {
    List<Mutation> rows = new ArrayList<>();
    rows.add(
        ExamRows.exam(
            examId,
            "exam-session start-up exercise",
            now.plus(DURATION),
            DURATION.toSeconds(),
            GRACE_SECONDS));
    for (int q = 0; q < questionIds.size(); q++) {
      rows.add(ExamRows.question(examId, questionIds.get(q), q));
    }
    for (Candidate c : candidates) {
      rows.add(
          ExamRows.candidate(
              c.candidateId(),
              examId,
              c.rollNumber(),
              hasher.hash(c.accessCode()),
              0,
              c.sessionId()));
      rows.add(SessionRows.firstAttempt(c.sessionId(), c.candidateId(), examId));
    }
    return rows;
  }

  /** The release (as release-gateway records it; the commit timestamp is the start). */
  Mutation release() {
    return Mutation.newInsertBuilder("ExamReleases")
        .set("ExamId")
        .to(examId)
        .set("ReleasedAt")
        .to(Value.COMMIT_TIMESTAMP)
        .set("ReleasedBy")
        .to("exam-session start-up exercise")
        .set("Override")
        .to(true)
        .set("Reason")
        .to("start-up exercise of a new pod")
        .build();
  }

  /**
   * Every row the exercise wrote, children first: answers, sessions, candidates, then the exam (its
   * questions and release go with it).
   */
  List<Mutation> removal() {
    List<Mutation> rows = new ArrayList<>();
    for (Candidate c : candidates) {
      rows.add(Mutation.delete("AnswerEvents", KeySet.prefixRange(Key.of(c.sessionId()))));
      rows.add(Mutation.delete("Sessions", Key.of(c.sessionId())));
      rows.add(Mutation.delete("Candidates", Key.of(c.candidateId())));
    }
    rows.add(Mutation.delete("Exams", Key.of(examId)));
    return rows;
  }
}
