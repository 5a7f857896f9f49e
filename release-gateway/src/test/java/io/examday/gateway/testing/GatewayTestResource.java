package io.examday.gateway.testing;

import io.examday.common.testing.SpannerTestDatabase;
import io.examday.devvault.DevVault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the Quarkus app needs for a test run: fresh keys, the Vault stand-in, a fresh Spanner
 * database on the emulator, unique Pub/Sub topics on the emulator and a paper directory.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

  public static final String VAULT_TOKEN = "test-root-token";

  private DevVault vault;
  private SpannerTestDatabase db;

  @Override
  public Map<String, String> start() {
    TestKeys keys = TestKeys.create();
    vault = DevVault.start(0, VAULT_TOKEN);
    db = SpannerTestDatabase.create();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> config = new HashMap<>();
    config.put("examday.test.keys-dir", keys.directory.toString());
    config.put("mp.jwt.verify.publickey.location", keys.proctorPublicKey.toString());
    config.put("examday.gateway.session-tokens.public-key-file", keys.sessionPublicKey.toString());
    config.put("examday.gateway.vault.address", vault.address());
    config.put("examday.gateway.vault.auth", "TOKEN");
    config.put("examday.gateway.vault.token", VAULT_TOKEN);
    try {
      config.put(
          "examday.gateway.papers.directory", Files.createTempDirectory("papers").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    config.put("examday.gateway.pubsub.project", "examday-test");
    config.put("examday.gateway.pubsub.emulator-host", required("PUBSUB_EMULATOR_HOST"));
    config.put("examday.gateway.pubsub.create-topics", "true");
    config.put("examday.gateway.pubsub.releases-topic", "releases-" + suffix);
    config.put("examday.gateway.pubsub.session-events-topic", "session-events-" + suffix);
    config.put("examday.gateway.pubsub.broadcasts-topic", "broadcasts-" + suffix);
    config.put("examday.gateway.spanner.project", db.settings().projectId());
    config.put("examday.gateway.spanner.instance", db.settings().instanceId());
    config.put("examday.gateway.spanner.database", db.settings().databaseId());
    config.put("examday.gateway.spanner.emulator-host", db.settings().emulatorHost().orElseThrow());
    config.put("examday.gateway.live.port", "0");
    config.put("examday.gateway.live.host", "127.0.0.1");
    config.put("examday.gateway.live.sweep-interval", "200ms");
    config.put("examday.gateway.live.release-poll-interval", "500ms");
    config.put("examday.gateway.live.drain-period", "1s");
    return config;
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run tests through ./examday test");
    }
    return value;
  }

  @Override
  public void stop() {
    if (vault != null) {
      vault.close();
    }
    if (db != null) {
      db.close();
    }
  }
}
