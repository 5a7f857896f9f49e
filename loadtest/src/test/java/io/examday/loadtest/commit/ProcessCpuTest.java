package io.examday.loadtest.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void addsUserAndSystemTimeCountingFieldsAfterTheName() {
    // a name with a space and parentheses of its own: fields are counted from the last ')'
    String line = "4242 (emu (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 9";
    assertThat(ProcessCpu.ticks(line)).isEqualTo(1234 + 567);
  }

  @Test
  void refusesALineThatIsNotAStatLine() {
    assertThatThrownBy(() -> ProcessCpu.ticks("no name here"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcessCpu.ticks("1 (x) S 1 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut short");
  }

  @Test
  void readsThisProcessAndCountsAGoneOneAsNothing() throws Exception {
    long self = ProcessHandle.current().pid();
    double mine = new ProcessCpu(100, List.of(self)).seconds();
    assertThat(mine).isPositive();
    // pid_max is at most 2^22 on Linux: this pid cannot exist
    assertThat(new ProcessCpu(100, List.of(1L << 23)).seconds()).isZero();
  }
}
