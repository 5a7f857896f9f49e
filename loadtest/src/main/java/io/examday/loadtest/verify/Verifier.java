package io.examday.loadtest.verify;

import com.google.cloud.spanner.DatabaseClient;
import io.examday.loadtest.acklog.AckLogReader;
import java.nio.file.Path;
import java.util.List;

/**
 * The verifier's Java API, for the rehearsal, the command line and the fault tests: {@code
 * Verifier.verify(client, List.of(ackLog)).passed()}.
 */
public final class Verifier {

  private Verifier() {}

  /** Verifies the log files (or directories of {@code *.acklog}) against Spanner. */
  public static VerificationReport verify(DatabaseClient spanner, List<Path> ackLogs) {
    return verify(new SpannerAnswerStore(spanner), ackLogs);
  }

  public static VerificationReport verify(AnswerStore store, List<Path> ackLogs) {
    Expectations expected = new Expectations();
    AckLogReader.Summary log = AckLogReader.read(ackLogs, expected);
    return verify(store, expected, log.records(), log.complete());
  }

  static VerificationReport verify(
      AnswerStore store, Expectations expected, long logRecords, boolean logComplete) {
    Classifier classifier = new Classifier(expected);
    store.forEachStored(expected.sessions(), classifier::observe);
    return classifier.report(logRecords, logComplete);
  }
}
