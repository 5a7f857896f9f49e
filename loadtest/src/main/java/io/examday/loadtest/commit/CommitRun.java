package io.examday.loadtest.commit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one {@link CommitShape} measured over a timed window.
 *
 * @param shape committers and rows per commit
 * @param seconds the window, from the first commit sent to the last one answered
 * @param commits commits that succeeded
 * @param failed commits that failed (their rows are not counted)
 * @param commitMeanMs mean time of a successful commit, sent to answered
 * @param commitP99Ms its 99th percentile
 * @param emulatorCpuSeconds CPU the emulator's processes used in the window
 * @param clientCpuSeconds CPU the benchmark's own process used in the window
 */
record CommitRun(
    CommitShape shape,
    double seconds,
    long commits,
    long failed,
    double commitMeanMs,
    double commitP99Ms,
    double emulatorCpuSeconds,
    double clientCpuSeconds) {

  long rows() {
    return commits * shape.rows();
  }

  double rowsPerSecond() {
    return seconds <= 0 ? 0 : rows() / seconds;
  }

  /** The emulator's CPU per stored row: what one save costs it, whoever sends the save. */
  double emulatorCpuMicrosPerRow() {
    return rows() == 0 ? 0 : emulatorCpuSeconds * 1e6 / rows();
  }

  Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("committers", shape.committers());
    out.put("rows_per_commit", shape.rows());
    out.put("seconds", round(seconds, 1));
    out.put("commits", commits);
    out.put("failed_commits", failed);
    out.put("rows_per_s", Math.round(rowsPerSecond()));
    out.put("commits_per_s", round(seconds <= 0 ? 0 : commits / seconds, 1));
    out.put("commit_mean_ms", round(commitMeanMs, 2));
    out.put("commit_p99_ms", round(commitP99Ms, 2));
    out.put("emulator_cpu_us_per_row", round(emulatorCpuMicrosPerRow(), 1));
    out.put("emulator_cores_used", round(seconds <= 0 ? 0 : emulatorCpuSeconds / seconds, 2));
    out.put("client_cpu_us_per_row", round(rows() == 0 ? 0 : clientCpuSeconds * 1e6 / rows(), 1));
    return out;
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
