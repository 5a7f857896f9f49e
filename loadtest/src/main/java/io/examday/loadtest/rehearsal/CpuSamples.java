package io.examday.loadtest.rehearsal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time of the rehearsal's processes, sampled by {@code tools/examday.d/rehearsal.sh} from
 * {@code /proc/<pid>/stat} every 2 s while Gatling runs ({@code cpu.tsv} in the run directory). A
 * line is {@code epochMs TAB role TAB pid TAB ticks} (user + system time in clock ticks); a header
 * line {@code # clk_tck N} gives the ticks per second. Roles are what the script calls the
 * processes: exam-session, release-gateway, gatling, spanner-emulator, pubsub-emulator, redis.
 *
 * <p>Pure: {@link #secondsBetween} is the CPU each role used in a window, its processes summed, the
 * counters read between samples by straight lines (a window past the samples is cut to them).
 */
record CpuSamples(double ticksPerSecond, Map<String, Map<Long, List<Sample>>> byRoleAndPid) {

  static final String FILE = "cpu.tsv";
  private static final String CLK_TCK = "# clk_tck ";

  /** One reading of one process's counter. */
  record Sample(long epochMs, long ticks) {}

  /** The samples of a run directory's {@code cpu.tsv}; empty if there is none. */
  static CpuSamples read(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    return Files.exists(file) ? parse(Files.readAllLines(file)) : parse(List.of());
  }

  static CpuSamples parse(List<String> lines) {
    double ticksPerSecond = 100;
    Map<String, Map<Long, List<Sample>>> samples = new TreeMap<>();
    for (String line : lines) {
      if (line.startsWith(CLK_TCK)) {
        ticksPerSecond = Double.parseDouble(line.substring(CLK_TCK.length()).strip());
        continue;
      }
      String[] f = line.split("\t");
      if (line.isBlank() || line.startsWith("#") || f.length != 4) {
        continue; // a line cut short when the sampler was stopped
      }
      samples
          .computeIfAbsent(f[1], role -> new TreeMap<>())
          .computeIfAbsent(Long.parseLong(f[2]), pid -> new ArrayList<>())
          .add(new Sample(Long.parseLong(f[0]), Long.parseLong(f[3])));
    }
    return new CpuSamples(ticksPerSecond, samples);
  }

  boolean isEmpty() {
    return byRoleAndPid.isEmpty();
  }

  /** CPU seconds per role between the two instants (roles that used none included, as 0). */
  Map<String, Double> secondsBetween(long fromEpochMs, long toEpochMs) {
    Map<String, Double> seconds = new TreeMap<>();
    byRoleAndPid.forEach(
        (role, pids) -> {
          double ticks = 0;
          for (List<Sample> process : pids.values()) {
            ticks += ticksAt(process, toEpochMs) - ticksAt(process, fromEpochMs);
          }
          seconds.put(role, Math.max(0, ticks) / ticksPerSecond);
        });
    return seconds;
  }

  /** The first and last sampling instants, or null if there is no sample. */
  long[] span() {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Map<Long, List<Sample>> pids : byRoleAndPid.values()) {
      for (List<Sample> process : pids.values()) {
        first = Math.min(first, process.getFirst().epochMs());
        last = Math.max(last, process.getLast().epochMs());
      }
    }
    return first > last ? null : new long[] {first, last};
  }

  /** A process's counter at an instant, read along the line between the samples around it. */
  private static double ticksAt(List<Sample> process, long epochMs) {
    Sample before = process.getFirst();
    if (epochMs <= before.epochMs()) {
      return before.ticks();
    }
    for (Sample after : process) {
      if (after.epochMs() >= epochMs) {
        double share = (double) (epochMs - before.epochMs()) / (after.epochMs() - before.epochMs());
        return before.ticks() + share * (after.ticks() - before.ticks());
      }
      before = after;
    }
    return before.ticks();
  }
}
