package io.examday.loadtest.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrepareCommandTest {

  @Test
  void theExamLastsTheAnswersAndReanswersWithMarginAndSlack() {
    // 10 questions x 1.3 x 5 s x 1.6 = 104 s, + 30 s of slack
    assertThat(PrepareCommand.durationSeconds(10, 0.3, 5)).isEqualTo(134);
    assertThat(PrepareCommand.durationSeconds(20, 0.3, 15)).isEqualTo(654);
  }

  @Test
  void aSmokeRunStillAsksForAnExamExamSessionAccepts() {
    // 3 x 1.3 x 2 s x 1.6 + 30 = 43 s: exam-session refuses exams under 60 s
    assertThat(PrepareCommand.durationSeconds(3, 0.3, 2)).isEqualTo(60);
    assertThat(PrepareCommand.durationSeconds(1, 0, 0.5)).isEqualTo(60);
  }
}
