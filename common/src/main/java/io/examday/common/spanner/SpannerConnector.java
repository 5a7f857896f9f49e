package io.examday.common.spanner;

import com.google.cloud.NoCredentials;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.DatabaseId;
import com.google.cloud.spanner.Spanner;
import com.google.cloud.spanner.SpannerOptions;
import java.util.function.Consumer;

/** Builds Spanner clients for real Spanner or the emulator from {@link SpannerSettings}. */
public final class SpannerConnector {

  private SpannerConnector() {}

  public static Spanner open(SpannerSettings settings) {
    return open(settings, options -> {});
  }

  /** Opens a client; {@code customizer} adds service-specific options (telemetry, pools). */
  public static Spanner open(
      SpannerSettings settings, Consumer<SpannerOptions.Builder> customizer) {
    SpannerOptions.Builder options = SpannerOptions.newBuilder().setProjectId(settings.projectId());
    settings
        .emulatorHost()
        .ifPresent(
            host ->
                // Built-in metrics go to Cloud Monitoring, which an emulator setup cannot reach.
                options
                    .setEmulatorHost(host)
                    .setCredentials(NoCredentials.getInstance())
                    .setBuiltInMetricsEnabled(false));
    customizer.accept(options);
    return options.build().getService();
  }

  public static DatabaseId databaseId(SpannerSettings settings) {
    return DatabaseId.of(settings.projectId(), settings.instanceId(), settings.databaseId());
  }

  public static DatabaseClient client(Spanner spanner, SpannerSettings settings) {
    return spanner.getDatabaseClient(databaseId(settings));
  }
}
