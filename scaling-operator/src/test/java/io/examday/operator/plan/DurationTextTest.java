package io.examday.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void parsesTheKubernetesNotation() {
    assertThat(DurationText.parse("d", "3h")).isEqualTo(Duration.ofHours(3));
    assertThat(DurationText.parse("d", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationText.parse("d", "45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(DurationText.parse("d", "2m5s")).isEqualTo(Duration.ofSeconds(125));
  }

  @Test
  void formatsBack() {
    assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void rejectsOtherNotationsNamingTheField() {
    assertThatThrownBy(() -> DurationText.parse("leadTime", "PT2H"))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining("leadTime");
    assertThatThrownBy(() -> DurationText.parse("leadTime", "")).hasMessageContaining("required");
    assertThatThrownBy(() -> DurationText.parse("leadTime", "-5m")).hasMessageContaining("2h");
  }

  @Test
  void theSchemaPatternAgreesWithTheParser() {
    for (String ok : new String[] {"3h", "1h30m", "45s", "2m5s", "1h2m3s"}) {
      assertThat(ok).matches(DurationText.PATTERN.replace("^", "").replace("$", ""));
    }
    for (String bad : new String[] {"", "h", "3d", "1m2h", "PT1H"}) {
      assertThat(bad).doesNotMatch(DurationText.PATTERN.replace("^", "").replace("$", ""));
    }
  }
}
