package io.examday.loadtest.rehearsal;

import com.google.cloud.spanner.Spanner;
import io.examday.common.spanner.SchemaMigrator;
import io.examday.common.spanner.SpannerConnector;
import io.examday.common.spanner.SpannerSettings;

/**
 * Drops and recreates the database named by the environment, with the current schema. The rehearsal
 * benchmark starts from an empty database of its own, so earlier runs' sessions never slow down the
 * next one (the emulator scans what it holds). Refuses real Spanner.
 */
public final class ResetDatabaseCommand {

  private ResetDatabaseCommand() {}

  public static void main(String[] args) {
    SpannerSettings settings = SpannerSettings.fromEnvironment();
    if (settings.emulatorHost().isEmpty()) {
      throw new IllegalStateException("refusing to drop a database on real Spanner");
    }
    try (Spanner spanner = SpannerConnector.open(settings)) {
      SchemaMigrator migrator = new SchemaMigrator(spanner, settings);
      migrator.migrate(); // creates instance and database if absent, so the drop finds them
      migrator.dropDatabase();
    }
    // a fresh client: the first one keeps sessions of the dropped database
    try (Spanner spanner = SpannerConnector.open(settings)) {
      new SchemaMigrator(spanner, settings).migrate();
    }
    System.err.println("database " + settings.databaseId() + " reset on the emulator");
  }
}
