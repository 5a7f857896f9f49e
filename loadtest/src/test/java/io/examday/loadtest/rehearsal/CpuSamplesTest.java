package io.examday.loadtest.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuSamplesTest {

  @TempDir Path dir;

  private static final List<String> LINES =
      List.of(
          "# clk_tck 100",
          "1000\tgatling\t11\t0",
          "1000\trelease-gateway\t21\t500",
          "1000\trelease-gateway\t22\t0",
          "3000\tgatling\t11\t400",
          "3000\trelease-gateway\t21\t700",
          "3000\trelease-gateway\t22\t100",
          "5000\tgatling\t11\t400",
          "5000\trelease-gateway\t21\t700",
          "5000\trelease-gateway\t22\t300",
          "7000\tgatling"); // cut short when the sampler was stopped

  @Test
  void aRolesProcessesAreSummedOverTheWindow() {
    CpuSamples cpu = CpuSamples.parse(LINES);

    var seconds = cpu.secondsBetween(1000, 5000);

    assertThat(seconds.get("gatling")).isCloseTo(4.0, within(1e-9));
    // two gateways: 200 + 300 ticks at 100 per second
    assertThat(seconds.get("release-gateway")).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void countersAreReadAlongTheLineBetweenSamples() {
    CpuSamples cpu = CpuSamples.parse(LINES);

    // gatling: 0 at 1 s, 400 ticks at 3 s, so 100 at 1.5 s and 300 at 2.5 s
    assertThat(cpu.secondsBetween(1500, 2500).get("gatling")).isCloseTo(2.0, within(1e-9));
    // idle between 3 s and 5 s
    assertThat(cpu.secondsBetween(3000, 5000).get("gatling")).isZero();
  }

  @Test
  void aWindowPastTheSamplesIsCutToThem() {
    CpuSamples cpu = CpuSamples.parse(LINES);

    assertThat(cpu.secondsBetween(0, 60_000).get("gatling")).isCloseTo(4.0, within(1e-9));
    assertThat(cpu.span()).containsExactly(1000L, 5000L);
  }

  @Test
  void theClockTickRateComesFromTheHeader() {
    CpuSamples cpu =
        CpuSamples.parse(List.of("# clk_tck 250", "0\tredis\t1\t0", "1000\tredis\t1\t500"));

    assertThat(cpu.secondsBetween(0, 1000).get("redis")).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void aRunWithoutSamplesHasNone() throws Exception {
    CpuSamples none = CpuSamples.read(dir);

    assertThat(none.isEmpty()).isTrue();
    assertThat(none.span()).isNull();

    Files.write(dir.resolve(CpuSamples.FILE), LINES);
    assertThat(CpuSamples.read(dir).isEmpty()).isFalse();
  }
}
