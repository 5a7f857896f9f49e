package io.examday.common.spanner;

import com.google.cloud.spanner.Spanner;
import java.util.List;

/**
 * {@code java -jar examday-common.jar}: applies the schema to the database named by the environment
 * ({@link SpannerSettings#fromEnvironment()}). Used by {@code ./examday up} and by the deploy
 * pipeline before a rollout.
 */
public final class MigrateCommand {

  private MigrateCommand() {}

  public static void main(String[] args) {
    SpannerSettings settings = SpannerSettings.fromEnvironment();
    try (Spanner spanner = SpannerConnector.open(settings)) {
      List<String> applied = new SchemaMigrator(spanner, settings).migrate();
      System.out.printf(
          "schema of %s/%s/%s is current; applied now: %s%n",
          settings.projectId(),
          settings.instanceId(),
          settings.databaseId(),
          applied.isEmpty() ? "none" : String.join(", ", applied));
    }
  }
}
