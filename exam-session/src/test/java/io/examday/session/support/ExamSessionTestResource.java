package io.examday.session.support;

import io.examday.common.testing.SpannerTestDatabase;
import io.examday.common.token.Ed25519Keys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Real infrastructure for exam-session tests: a fresh database on the Spanner emulator, a private
 * redis-server, and fresh signing keys (candidate Ed25519, stand-in IdP RSA).
 */
public class ExamSessionTestResource implements QuarkusTestResourceLifecycleManager {

  public static SpannerTestDatabase database;
  public static RedisServer redis;
  public static KeyPair idpKeys;

  @Override
  public Map<String, String> start() {
    try {
      database = SpannerTestDatabase.create();
      redis = RedisServer.start();
      Path dir = Files.createTempDirectory("examday-keys");
      KeyPair session = Ed25519Keys.generate();
      Path sessionPrivate =
          Files.writeString(dir.resolve("s.pem"), Ed25519Keys.toPem(session.getPrivate()));
      Path sessionPublic =
          Files.writeString(dir.resolve("s.pub.pem"), Ed25519Keys.toPem(session.getPublic()));
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      idpKeys = rsa.generateKeyPair();
      Path idpPublic =
          Files.writeString(
              dir.resolve("idp.pub.pem"),
              "-----BEGIN PUBLIC KEY-----\n"
                  + Base64.getMimeEncoder().encodeToString(idpKeys.getPublic().getEncoded())
                  + "\n-----END PUBLIC KEY-----\n");
      var settings = database.settings();
      return Map.ofEntries(
          Map.entry("examday.spanner.project", settings.projectId()),
          Map.entry("examday.spanner.instance", settings.instanceId()),
          Map.entry("examday.spanner.database", settings.databaseId()),
          Map.entry("examday.redis.url", redis.url()),
          Map.entry("examday.session-token.private-key", sessionPrivate.toString()),
          Map.entry("examday.session-token.public-key", sessionPublic.toString()),
          Map.entry("mp.jwt.verify.publickey.location", idpPublic.toUri().toString()),
          // The scheduled jobs stay off; tests run them by calling them.
          Map.entry("examday.closer.enabled", "false"),
          Map.entry("examday.warm.enabled", "false"),
          Map.entry("examday.autosave.group-commit.flushers", "1"),
          Map.entry("examday.exams.unreleased-refresh", "PT0.001S"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (redis != null) {
      redis.close();
    }
    if (database != null) {
      database.close();
    }
  }
}
