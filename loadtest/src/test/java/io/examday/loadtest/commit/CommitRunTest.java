package io.examday.loadtest.commit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitRunTest {

  @Test
  void derivesRowsPerSecondAndCpuPerRowFromTheWindow() {
    CommitRun run = new CommitRun(new CommitShape(1, 100), 10.0, 800, 2, 12.3456, 20.0, 6.4, 0.8);
    assertThat(run.rows()).isEqualTo(80_000);
    assertThat(run.rowsPerSecond()).isEqualTo(8_000.0);
    assertThat(run.emulatorCpuMicrosPerRow()).isEqualTo(80.0);
    var json = run.toJson();
    assertThat(json)
        .containsEntry("rows_per_s", 8_000L)
        .containsEntry("commits_per_s", 80.0)
        .containsEntry("failed_commits", 2L)
        .containsEntry("commit_mean_ms", 12.35)
        .containsEntry("emulator_cores_used", 0.64)
        .containsEntry("client_cpu_us_per_row", 10.0);
  }

  @Test
  void anEmptyWindowReportsZerosNotDivisionsByZero() {
    CommitRun run = new CommitRun(new CommitShape(2, 1), 0, 0, 0, 0, 0, 0, 0);
    assertThat(run.rowsPerSecond()).isZero();
    assertThat(run.emulatorCpuMicrosPerRow()).isZero();
    assertThat(run.toJson()).containsEntry("emulator_cores_used", 0.0);
  }
}
