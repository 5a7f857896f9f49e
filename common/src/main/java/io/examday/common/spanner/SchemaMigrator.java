package io.examday.common.spanner;

import com.google.cloud.spanner.DatabaseAdminClient;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ErrorCode;
import com.google.cloud.spanner.InstanceConfigId;
import com.google.cloud.spanner.InstanceId;
import com.google.cloud.spanner.InstanceInfo;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Spanner;
import com.google.cloud.spanner.SpannerException;
import com.google.cloud.spanner.Statement;
import com.google.cloud.spanner.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Applies the versioned DDL in {@code db/migration} idempotently: creates the instance (emulator
 * only: real instances are made by Terraform) and the database if missing, then every migration not
 * yet recorded in {@code SchemaMigrations}, in order.
 */
public final class SchemaMigrator {

  static final String INDEX = "db/migration/migrations.txt";
  private static final String HISTORY_DDL =
      "CREATE TABLE SchemaMigrations (Version STRING(64) NOT NULL, AppliedAt TIMESTAMP NOT NULL"
          + " OPTIONS (allow_commit_timestamp = true)) PRIMARY KEY (Version)";

  private final Spanner spanner;
  private final SpannerSettings settings;

  public SchemaMigrator(Spanner spanner, SpannerSettings settings) {
    this.spanner = spanner;
    this.settings = settings;
  }

  /** Brings the database to the newest schema and returns the migrations it applied. */
  public List<String> migrate() {
    if (settings.emulatorHost().isPresent()) {
      ensureEmulatorInstance();
    }
    ensureDatabase();
    DatabaseClient client = SpannerConnector.client(spanner, settings);
    Set<String> applied = appliedVersions(client);
    List<String> newlyApplied = new ArrayList<>();
    for (String file : migrationFiles()) {
      if (!applied.contains(file)) {
        apply(file);
        client.write(
            List.of(
                Mutation.newInsertOrUpdateBuilder("SchemaMigrations")
                    .set("Version")
                    .to(file)
                    .set("AppliedAt")
                    .to(Value.COMMIT_TIMESTAMP)
                    .build()));
        newlyApplied.add(file);
      }
    }
    return newlyApplied;
  }

  /** Drops the database; for tests that made their own. */
  public void dropDatabase() {
    spanner.getDatabaseAdminClient().dropDatabase(settings.instanceId(), settings.databaseId());
  }

  private void ensureEmulatorInstance() {
    InstanceId id = InstanceId.of(settings.projectId(), settings.instanceId());
    try {
      spanner.getInstanceAdminClient().getInstance(settings.instanceId());
    } catch (SpannerException notFound) {
      if (notFound.getErrorCode() != ErrorCode.NOT_FOUND) {
        throw notFound;
      }
      InstanceInfo info =
          InstanceInfo.newBuilder(id)
              .setInstanceConfigId(InstanceConfigId.of(settings.projectId(), "emulator-config"))
              .setDisplayName(settings.instanceId())
              .setNodeCount(1)
              .build();
      ignoreAlreadyExists(() -> spanner.getInstanceAdminClient().createInstance(info).get());
    }
  }

  private void ensureDatabase() {
    DatabaseAdminClient admin = spanner.getDatabaseAdminClient();
    try {
      admin.getDatabase(settings.instanceId(), settings.databaseId());
    } catch (SpannerException notFound) {
      if (notFound.getErrorCode() != ErrorCode.NOT_FOUND) {
        throw notFound;
      }
      ignoreAlreadyExists(
          () ->
              admin
                  .createDatabase(
                      settings.instanceId(), settings.databaseId(), List.of(HISTORY_DDL))
                  .get());
    }
  }

  private Set<String> appliedVersions(DatabaseClient client) {
    Set<String> versions = new HashSet<>();
    try (ResultSet rows =
        client.singleUse().executeQuery(Statement.of("SELECT Version FROM SchemaMigrations"))) {
      while (rows.next()) {
        versions.add(rows.getString(0));
      }
    }
    return versions;
  }

  private void apply(String file) {
    List<String> statements = DdlScript.statements(resource("db/migration/" + file));
    try {
      spanner
          .getDatabaseAdminClient()
          .updateDatabaseDdl(settings.instanceId(), settings.databaseId(), statements, null)
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while applying " + file, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("migration " + file + " failed: " + e.getCause(), e);
    }
  }

  static List<String> migrationFiles() {
    return resource(INDEX)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private static String resource(String name) {
    try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface AdminCall {
    void run() throws InterruptedException, ExecutionException;
  }

  private static void ignoreAlreadyExists(AdminCall call) {
    try {
      call.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof SpannerException se)
          || se.getErrorCode() != ErrorCode.ALREADY_EXISTS) {
        throw new IllegalStateException("Spanner admin call failed: " + e.getCause(), e);
      }
    } catch (SpannerException e) {
      if (e.getErrorCode() != ErrorCode.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
