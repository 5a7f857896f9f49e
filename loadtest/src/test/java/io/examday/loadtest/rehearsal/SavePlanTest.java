package io.examday.loadtest.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import io.examday.loadtest.rehearsal.SavePlan.Save;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SavePlanTest {

  private final List<String> questions = List.of("q1", "q2", "q3", "q4", "q5", "q6");

  @Test
  void everyQuestionIsAnsweredOnceInPaperOrderWithoutReanswers() {
    List<Save> saves = SavePlan.of(questions, 0.0, new SplittableRandom(1));
    assertThat(saves).extracting(Save::questionId).containsExactlyElementsOf(questions);
    assertThat(saves).extracting(Save::seq).containsOnly(1L);
  }

  @Test
  void reanswersRaiseTheSeqOfAnEarlierQuestionStrictly() {
    List<Save> saves = SavePlan.of(questions, 1.0, new SplittableRandom(7));
    assertThat(saves).hasSize(questions.size() * 2 - 1);
    Map<String, Long> last = new HashMap<>();
    for (Save save : saves) {
      long previous = last.getOrDefault(save.questionId(), 0L);
      assertThat(save.seq()).isEqualTo(previous + 1);
      last.put(save.questionId(), save.seq());
    }
    assertThat(saves).extracting(Save::value).doesNotHaveDuplicates();
  }

  @Test
  void theSameSeedGivesTheSamePlan() {
    assertThat(SavePlan.of(questions, 0.3, new SplittableRandom(42)))
        .isEqualTo(SavePlan.of(questions, 0.3, new SplittableRandom(42)));
  }
}
