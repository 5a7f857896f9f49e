package io.examday.loadtest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VerifyCommandTest {

  @Test
  void repeatedAckLogsAndJsonAreParsed() {
    VerifyCommand.Arguments args =
        VerifyCommand.parse(new String[] {"--acklog", "a", "--acklog", "b", "--json", "out"});
    assertThat(args.ackLogs()).containsExactly(Path.of("a"), Path.of("b"));
    assertThat(args.json()).contains(Path.of("out"));
  }

  @Test
  void anAckLogIsRequired() {
    assertThatThrownBy(() -> VerifyCommand.parse(new String[] {})).hasMessageContaining("--acklog");
  }

  @Test
  void unknownOptionsAndMissingValuesAreUsageErrors() throws Exception {
    assertThatThrownBy(() -> VerifyCommand.parse(new String[] {"--nope", "x"}))
        .hasMessageContaining("unknown option --nope");
    assertThatThrownBy(() -> VerifyCommand.parse(new String[] {"--acklog"}))
        .hasMessageContaining("needs a value");
    assertThat(VerifyCommand.run(new String[] {"--bogus", "1"})).isEqualTo(VerifyCommand.USAGE);
  }
}
