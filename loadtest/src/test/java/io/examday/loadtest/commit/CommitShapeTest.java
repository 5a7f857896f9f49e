package io.examday.loadtest.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommitShapeTest {

  @Test
  void parsesAListOfCommittersAndRows() {
    assertThat(CommitShape.parseList("1x1, 8x1,2x100"))
        .containsExactly(new CommitShape(1, 1), new CommitShape(8, 1), new CommitShape(2, 100));
    assertThat(new CommitShape(2, 100)).hasToString("2x100");
  }

  @Test
  void refusesWhatIsNotCommittersTimesRows() {
    assertThatThrownBy(() -> CommitShape.parse("100"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected COMMITTERSxROWS");
    assertThatThrownBy(() -> CommitShape.parse("ax100"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole numbers");
    assertThatThrownBy(() -> CommitShape.parse("0x100"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("committers must be 1..256");
    assertThatThrownBy(() -> CommitShape.parse("1x20000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows per commit must be 1..10000");
  }
}
