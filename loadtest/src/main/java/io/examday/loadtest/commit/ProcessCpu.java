package io.examday.loadtest.commit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPU time of some processes, read from {@code /proc/<pid>/stat} (user + system time, all their
 * threads). {@code ticksPerSecond} is {@code getconf CLK_TCK}.
 */
public record ProcessCpu(double ticksPerSecond, List<Long> pids) {

  public ProcessCpu {
    pids = List.copyOf(pids);
  }

  /** The processes given as pid words (a command-line list); none when it is empty. */
  public static ProcessCpu of(double ticksPerSecond, List<String> pids) {
    return new ProcessCpu(ticksPerSecond, pids.stream().map(Long::parseLong).toList());
  }

  /** This process alone. */
  public static ProcessCpu self(double ticksPerSecond) {
    return new ProcessCpu(ticksPerSecond, List.of(ProcessHandle.current().pid()));
  }

  /** CPU seconds used so far by the processes that still exist (a gone one counts 0). */
  public double seconds() throws IOException {
    long ticks = 0;
    for (long pid : pids) {
      try {
        ticks += ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
      } catch (NoSuchFileException gone) {
        // the process ended: its time is no longer readable
      }
    }
    return ticks / ticksPerSecond;
  }

  /**
   * utime + stime of one {@code stat} line. The command name (field 2) is in parentheses and may
   * itself hold spaces and parentheses, so the fields are counted from the last ')'.
   */
  static long ticks(String statLine) {
    int end = statLine.lastIndexOf(')');
    if (end < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
    }
    String[] fields = statLine.substring(end + 1).strip().split("\\s+");
    // after the name: state(3) ppid(4) ... utime(14) stime(15), i.e. indexes 11 and 12 here
    if (fields.length < 13) {
      throw new IllegalArgumentException("a /proc/<pid>/stat line cut short: " + statLine);
    }
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
