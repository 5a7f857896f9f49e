package io.examday.loadtest.verify;

import com.google.cloud.spanner.Spanner;
import io.examday.common.spanner.SpannerConnector;
import io.examday.common.spanner.SpannerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./examday verify --acklog FILE|DIR [--acklog ...] [--json OUT]}: verifies against the
 * Spanner database named by the environment ({@link SpannerSettings#fromEnvironment()}). Prints the
 * human summary, writes the JSON report to {@code --json} (or prints it). Exit status 0 when the
 * run passed, 1 when anything was lost, stale or phantom (or the log is incomplete), 2 on a usage
 * error.
 */
public final class VerifyCommand {

  static final int PASSED = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private VerifyCommand() {}

  /** Held so the level sticks: the client's INFO lines (options, pools) are noise here. */
  private static final java.util.logging.Logger GOOGLE_LOGS =
      java.util.logging.Logger.getLogger("com.google");

  public static void main(String[] args) throws IOException {
    GOOGLE_LOGS.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args));
  }

  record Arguments(List<Path> ackLogs, Optional<Path> json) {}

  static Arguments parse(String[] args) {
    List<Path> logs = new ArrayList<>();
    Path json = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--acklog" -> logs.add(Path.of(value));
        case "--json" -> json = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (logs.isEmpty()) {
      throw new IllegalArgumentException("--acklog FILE|DIR is required");
    }
    return new Arguments(List.copyOf(logs), Optional.ofNullable(json));
  }

  static int run(String[] args) throws IOException {
    Arguments arguments;
    try {
      arguments = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("verify: " + e.getMessage());
      System.err.println("usage: verify --acklog FILE|DIR [--acklog ...] [--json OUT]");
      return USAGE;
    }
    SpannerSettings settings = SpannerSettings.fromEnvironment();
    VerificationReport report;
    try (Spanner spanner = SpannerConnector.open(settings)) {
      report = Verifier.verify(SpannerConnector.client(spanner, settings), arguments.ackLogs());
    }
    System.out.print(ReportFormat.text(report));
    String json = ReportFormat.json(report);
    if (arguments.json().isPresent()) {
      Files.writeString(arguments.json().get(), json);
    } else {
      System.out.println(json);
    }
    return report.passed() ? PASSED : FAILED;
  }
}
