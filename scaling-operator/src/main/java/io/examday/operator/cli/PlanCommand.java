package io.examday.operator.cli;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.model.ScheduleInputs;
import io.examday.operator.plan.InvalidScheduleException;
import io.examday.operator.plan.Observed;
import io.examday.operator.plan.Plan;
import io.examday.operator.plan.Planner;
import io.examday.operator.plan.ScheduleInput;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code plan -f schedule.yaml [--now 2027-05-15T06:00:00Z]}: what the operator would do and when,
 * with the capacity math, without a cluster.
 */
public final class PlanCommand {

  static final int OK = 0;
  static final int BAD_INPUT = 2;

  private static final String USAGE = "usage: plan -f schedule.yaml [--now RFC3339-instant]";

  private PlanCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, Clock.systemUTC(), System.out, System.err));
  }

  static int run(String[] args, Clock clock, PrintStream out, PrintStream err) {
    Path file = null;
    Instant now = clock.instant();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "-f", "--file" -> file = Path.of(value(args, ++i));
          case "--now" -> now = Instant.parse(value(args, ++i));
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (file == null) {
        throw new IllegalArgumentException("-f is required");
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return BAD_INPUT;
    }
    try {
      ExamSchedule schedule = read(file);
      ScheduleInput input = ScheduleInputs.from(schedule);
      Plan plan = new Planner().plan(input, now, new Observed(Map.of(), 0));
      new TimelinePrinter(out).print(schedule, input, plan, now);
      return OK;
    } catch (InvalidScheduleException e) {
      err.println("invalid ExamSchedule: " + e.getMessage());
      return BAD_INPUT;
    } catch (NoSuchFileException e) {
      err.println("no such file: " + file);
      return BAD_INPUT;
    } catch (IOException | RuntimeException e) {
      err.println("cannot read " + file + " as an ExamSchedule: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  private static ExamSchedule read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      ExamSchedule schedule = Serialization.unmarshal(in, ExamSchedule.class);
      if (schedule == null || !"ExamSchedule".equals(schedule.getKind())) {
        throw new InvalidScheduleException("the file holds no ExamSchedule");
      }
      return schedule;
    }
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value");
    }
    return args[index];
  }
}
