package io.examday.operator.reconcile;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The mock server logs every request at INFO; tests keep its warnings only. */
final class QuietLogs {

  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final List<Logger> QUIETED =
      List.of(
          Logger.getLogger("io.fabric8.mockwebserver"),
          Logger.getLogger("io.fabric8.kubernetes.client"),
          Logger.getLogger("io.javaoperatorsdk"));

  private QuietLogs() {}

  static void apply() {
    QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
  }
}
