package io.examday.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

  private static final Path EXAMPLE = Path.of("examples", "national-2027.yaml");
  private static final Clock BEFORE =
      Clock.fixed(Instant.parse("2027-05-14T00:00:00Z"), ZoneOffset.UTC);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsTheTimelineAndTheCapacityMathOfTheExample() {
    int code = run("-f", EXAMPLE.toString());

    assertThat(code).isZero();
    assertThat(text(out))
        // 09:00 +05:30 is 03:30Z; warm-up two hours earlier.
        .contains(
            "2027-05-15T01:30:00Z  T-2h       raise HPA floors, create 133 balloon pods, pre-pull 2 images")
        .contains("2027-05-15T03:15:00Z  T-15m")
        .contains("2027-05-15T03:30:00Z  T-0")
        .contains("2027-05-15T07:00:00Z  T+3h30m")
        .contains(
            "ceil(1,400,000 / 58,050) = 25 pods at full capacity; at 60% -> minReplicas 41 on HPA"
                + " exam-session")
        // docs/capacity.md's ceil(1.4 M / (8,000 x 0.6)) = 292, not the 293 of "+67 %".
        .contains("ceil(1,400,000 / 8,000) = 175 pods at full capacity; at 60% -> minReplicas 292")
        .contains("133 pods (the floors' headroom pods, summed), each 1 CPU / 2Gi")
        .contains("phase Pending; next transition 2027-05-15T01:30:00Z");
  }

  @Test
  void nowCanBeGivenToSeeThePhaseAtAnyInstant() {
    run("-f", EXAMPLE.toString(), "--now", "2027-05-15T04:00:00Z");

    assertThat(text(out)).contains("phase Live; next transition 2027-05-15T06:30:00Z");
  }

  @Test
  void anInvalidScheduleIsReportedWithItsReason(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, Files.readString(EXAMPLE).replace("duration: 3h", "duration: PT3H"));

    assertThat(run("-f", broken.toString())).isEqualTo(PlanCommand.BAD_INPUT);
    assertThat(text(err)).contains("invalid ExamSchedule: duration must look like 2h");
    assertThat(text(out)).isEmpty();
  }

  @Test
  void missingFileAndBadArgumentsAreUsageErrors() {
    assertThat(run("-f", "no/such.yaml")).isEqualTo(PlanCommand.BAD_INPUT);
    assertThat(text(err)).contains("no such file: no/such.yaml");
    assertThat(run("--bogus")).isEqualTo(PlanCommand.BAD_INPUT);
    assertThat(text(err)).contains("usage: plan -f schedule.yaml");
  }

  private int run(String... args) {
    return PlanCommand.run(
        args,
        BEFORE,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
