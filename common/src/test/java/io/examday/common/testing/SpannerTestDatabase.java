package io.examday.common.testing;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Spanner;
import io.examday.common.spanner.SchemaMigrator;
import io.examday.common.spanner.SpannerConnector;
import io.examday.common.spanner.SpannerSettings;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh, uniquely named database on the Spanner emulator with the current schema, dropped on
 * {@link #close()}. The emulator address comes from {@code SPANNER_EMULATOR_HOST}, which {@code
 * ./examday test} exports; without it the test fails loudly rather than skipping.
 */
public final class SpannerTestDatabase implements AutoCloseable {

  private final Spanner spanner;
  private final SpannerSettings settings;

  private SpannerTestDatabase(Spanner spanner, SpannerSettings settings) {
    this.spanner = spanner;
    this.settings = settings;
  }

  public static SpannerTestDatabase create() {
    String host = System.getenv("SPANNER_EMULATOR_HOST");
    if (host == null || host.isBlank()) {
      throw new IllegalStateException(
          "SPANNER_EMULATOR_HOST is not set: run tests through ./examday test");
    }
    String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    SpannerSettings settings = new SpannerSettings("examday-test", "test", name, Optional.of(host));
    Spanner spanner = SpannerConnector.open(settings);
    new SchemaMigrator(spanner, settings).migrate();
    return new SpannerTestDatabase(spanner, settings);
  }

  public SpannerSettings settings() {
    return settings;
  }

  public Spanner spanner() {
    return spanner;
  }

  public DatabaseClient client() {
    return SpannerConnector.client(spanner, settings);
  }

  @Override
  public void close() {
    try {
      new SchemaMigrator(spanner, settings).dropDatabase();
    } finally {
      spanner.close();
    }
  }
}
