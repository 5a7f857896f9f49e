package io.examday.session.infra;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Spanner;
import io.examday.common.spanner.SchemaMigrator;
import io.examday.common.spanner.SpannerConnector;
import io.examday.common.spanner.SpannerSettings;
import io.examday.common.spanner.SpannerTimeouts;
import io.examday.session.config.ExamSessionConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The Spanner client, with OpenTelemetry traces, and the schema applied when configured. */
public class SpannerClients {

  private static final Logger LOG = Logger.getLogger(SpannerClients.class);

  @Produces
  @Singleton
  SpannerSettings settings(ExamSessionConfig config) {
    var spanner = config.spanner();
    return new SpannerSettings(
        spanner.project(), spanner.instance(), spanner.database(), spanner.emulatorHost());
  }

  @Produces
  @Singleton
  @Startup
  Spanner spanner(SpannerSettings settings, ExamSessionConfig config, OpenTelemetry telemetry) {
    Spanner spanner =
        SpannerConnector.open(
            settings,
            options -> {
              options.setOpenTelemetry(telemetry);
              SpannerTimeouts.bound(options, config.spanner().timeout());
            });
    if (config.spanner().migrateOnStart()) {
      var applied = new SchemaMigrator(spanner, settings).migrate();
      LOG.infof("schema migrations applied at start-up: %s", applied.isEmpty() ? "none" : applied);
    }
    return spanner;
  }

  void close(@Disposes Spanner spanner) {
    spanner.close();
  }

  @Produces
  @Singleton
  @Startup
  DatabaseClient database(Spanner spanner, SpannerSettings settings) {
    return SpannerConnector.client(spanner, settings);
  }
}
