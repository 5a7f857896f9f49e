package io.examday.loadtest.rehearsal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The autosaves one candidate makes, in order: every question once, in paper order, and after an
 * answer, with probability {@code reanswerRate}, a revisit of an earlier question (a higher seq).
 */
public final class SavePlan {

  /**
   * One autosave.
   *
   * @param questionId the question
   * @param seq the per-question client sequence (1 for the first answer)
   * @param value the answer text
   */
  public record Save(String questionId, long seq, String value) {}

  private static final String[] OPTIONS = {"A", "B", "C", "D"};

  private SavePlan() {}

  public static List<Save> of(List<String> questionIds, double reanswerRate, RandomGenerator rnd) {
    List<Save> saves = new ArrayList<>();
    Map<String, Long> seqs = new HashMap<>();
    for (int i = 0; i < questionIds.size(); i++) {
      saves.add(next(questionIds.get(i), seqs, rnd));
      if (i > 0 && rnd.nextDouble() < reanswerRate) {
        saves.add(next(questionIds.get(rnd.nextInt(i)), seqs, rnd));
      }
    }
    return saves;
  }

  private static Save next(String questionId, Map<String, Long> seqs, RandomGenerator rnd) {
    long seq = seqs.merge(questionId, 1L, Long::sum);
    // question and seq in the value make every edit distinct even when the option repeats
    String value = questionId + ": " + OPTIONS[rnd.nextInt(OPTIONS.length)] + " (edit " + seq + ")";
    return new Save(questionId, seq, value);
  }
}
