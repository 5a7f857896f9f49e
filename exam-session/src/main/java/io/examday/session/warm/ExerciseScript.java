package io.examday.session.warm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one synthetic candidate does in the start-up exercise, in exam-day order: log in and read
 * the session while waiting (several times over); after the release, saves that move through the
 * questions, every tenth sent twice (a retry), every 25th followed by an older sequence of the same
 * question (a late retry), every 20th with a second answer in the same request, each followed by a
 * read of the state with its answers (as a resume reads it); submit; a save after it (refused with
 * 409); a last read.
 *
 * <p>The read after every save is there because JIT thresholds count invocations: the answers'
 * Spanner read runs once per submit in a real submit wave, and with only a few dozen reads in the
 * exercise it was compiled in that wave, under load (docs/benchmarks.md).
 */
final class ExerciseScript {

  private ExerciseScript() {}

  /**
   * Logs in and reads the session as a waiting candidate does, {@code logins} times over (a herd is
   * mostly logins: see {@code StartupExerciseConfig.loginsPerCandidate}); the last login, or null
   * if a login was refused.
   */
  static ExerciseClient.Login waitForStart(
      ExerciseClient client, SyntheticExam.Candidate candidate, int logins) throws Exception {
    ExerciseClient.Login login = null;
    for (int i = 0; i < logins; i++) {
      login = client.login(candidate);
      if (login == null) {
        return null;
      }
      client.readSession(login);
    }
    return login;
  }

  /** The candidate's exam after the release, {@code saves} autosaves long. */
  static void sitExam(
      ExerciseClient client, ExerciseClient.Login login, List<String> questions, int saves)
      throws Exception {
    client.readSession(login);
    for (int seq = 1; seq <= saves; seq++) {
      String question = questions.get(seq % questions.size());
      Map<String, Object> answer = answer(question, seq);
      if (seq % 20 == 0) {
        client.save(
            login, List.of(answer, answer(questions.get((seq + 1) % questions.size()), seq)), 200);
      } else {
        client.save(login, List.of(answer), 200);
      }
      if (seq % 10 == 0) {
        client.save(login, List.of(answer), 200);
      }
      if (seq % 25 == 0 && seq > questions.size()) {
        client.save(login, List.of(answer(question, seq - questions.size())), 200);
      }
      client.readSession(login);
    }
    client.submit(login);
    client.save(login, List.of(answer(questions.getFirst(), saves + 1)), 409);
    client.readSession(login);
  }

  private static Map<String, Object> answer(String questionId, int seq) {
    Map<String, Object> answer = new HashMap<>();
    answer.put("questionId", questionId);
    answer.put("seq", seq);
    answer.put("value", "exercise answer " + seq + " to " + questionId);
    return answer;
  }
}
