package io.examday.common.spanner;

import java.util.Optional;

/**
 * Where the Spanner database is.
 *
 * @param projectId GCP project
 * @param instanceId Spanner instance
 * @param databaseId database
 * @param emulatorHost host:port of the Spanner emulator; empty for real Spanner (then credentials
 *     come from the environment: Workload Identity on GKE, ADC elsewhere)
 */
public record SpannerSettings(
    String projectId, String instanceId, String databaseId, Optional<String> emulatorHost) {

  public SpannerSettings withDatabase(String otherDatabaseId) {
    return new SpannerSettings(projectId, instanceId, otherDatabaseId, emulatorHost);
  }

  /** Settings from the environment variables the examday script exports. */
  public static SpannerSettings fromEnvironment() {
    return new SpannerSettings(
        env("EXAMDAY_SPANNER_PROJECT", "examday-local"),
        env("EXAMDAY_SPANNER_INSTANCE", "examday"),
        env("EXAMDAY_SPANNER_DATABASE", "examday"),
        Optional.ofNullable(System.getenv("SPANNER_EMULATOR_HOST")).filter(h -> !h.isBlank()));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
