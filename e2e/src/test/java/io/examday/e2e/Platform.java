package io.examday.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.examday.common.dev.ProctorTokenMint;
import io.examday.common.testing.SpannerTestDatabase;
import io.examday.common.token.Ed25519Keys;
import io.examday.devvault.DevVault;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real services for a browser test: exam-session and release-gateway from their packaged jars
 * as processes, on free ports, against the test infrastructure's Redis and emulators (from {@code
 * ./examday test}'s environment), a fresh Spanner database, fresh keys and the Vault stand-in (in
 * this JVM: it stands in for a server that cannot run here). exam-session publishes its session
 * events (a proctor's pause, resume, extra time) on the topic the gateway subscribes to.
 */
final class Platform implements AutoCloseable {

  static final Path SESSION_JAR =
      Path.of("..", "exam-session", "target", "quarkus-app", "quarkus-run.jar");
  static final Path GATEWAY_JAR =
      Path.of("..", "release-gateway", "target", "quarkus-app", "quarkus-run.jar");
  private static final String VAULT_TOKEN = "e2e-root-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  final int sessionPort = freePort();
  final int gatewayPort = freePort();
  final int livePort = freePort();
  private final HttpClient http = HttpClient.newHttpClient();
  private final DevVault vault = DevVault.start(0, VAULT_TOKEN);
  private final SpannerTestDatabase database = SpannerTestDatabase.create();
  private final Path keys = Files.createTempDirectory("e2e-keys");
  private final PrivateKey proctorKey;
  private final Map<String, String> gatewaySettings = new HashMap<>();
  private ServiceProcess session;
  private ServiceProcess gateway;

  Platform() throws Exception {
    KeyPair candidate = Ed25519Keys.generate();
    Path sessionPrivate =
        Files.writeString(keys.resolve("session.pem"), Ed25519Keys.toPem(candidate.getPrivate()));
    Path sessionPublic =
        Files.writeString(
            keys.resolve("session.pub.pem"), Ed25519Keys.toPem(candidate.getPublic()));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair idp = rsa.generateKeyPair();
    proctorKey = idp.getPrivate();
    Path idpPublic =
        Files.writeString(
            keys.resolve("idp.pub.pem"),
            "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(idp.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    var db = database.settings();
    String suffix = UUID.randomUUID().toString().substring(0, 8);

    gatewaySettings.putAll(
        Map.ofEntries(
            Map.entry("mp.jwt.verify.publickey.location", idpPublic.toString()),
            Map.entry("examday.gateway.session-tokens.public-key-file", sessionPublic.toString()),
            Map.entry("examday.gateway.vault.address", vault.address()),
            Map.entry("examday.gateway.vault.auth", "TOKEN"),
            Map.entry("examday.gateway.vault.token", VAULT_TOKEN),
            Map.entry(
                "examday.gateway.papers.directory",
                Files.createDirectories(keys.resolve("papers")).toString()),
            Map.entry("examday.gateway.pubsub.project", "examday-e2e"),
            Map.entry("examday.gateway.pubsub.emulator-host", required("PUBSUB_EMULATOR_HOST")),
            Map.entry("examday.gateway.pubsub.create-topics", "true"),
            Map.entry("examday.gateway.startup-exercise.enabled", "false"),
            Map.entry("examday.gateway.pubsub.releases-topic", "releases-" + suffix),
            Map.entry("examday.gateway.pubsub.session-events-topic", "session-events-" + suffix),
            Map.entry("examday.gateway.pubsub.broadcasts-topic", "broadcasts-" + suffix),
            Map.entry("examday.gateway.spanner.project", db.projectId()),
            Map.entry("examday.gateway.spanner.instance", db.instanceId()),
            Map.entry("examday.gateway.spanner.database", db.databaseId()),
            Map.entry("examday.gateway.spanner.emulator-host", db.emulatorHost().orElseThrow()),
            Map.entry("examday.gateway.live.host", "127.0.0.1"),
            Map.entry("examday.gateway.live.port", String.valueOf(livePort)),
            Map.entry("examday.gateway.live.release-poll-interval", "500ms")));

    Map<String, String> sessionSettings =
        Map.ofEntries(
            Map.entry("examday.spanner.project", db.projectId()),
            Map.entry("examday.spanner.instance", db.instanceId()),
            Map.entry("examday.spanner.database", db.databaseId()),
            Map.entry("examday.redis.url", required("EXAMDAY_REDIS_URL")),
            Map.entry("examday.session-token.private-key", sessionPrivate.toString()),
            Map.entry("examday.session-token.public-key", sessionPublic.toString()),
            Map.entry("mp.jwt.verify.publickey.location", idpPublic.toUri().toString()),
            Map.entry("examday.login.pepper", "e2e-pepper-not-a-secret"),
            Map.entry("examday.pubsub.enabled", "true"),
            Map.entry("examday.pubsub.project", "examday-e2e"),
            Map.entry("examday.pubsub.topic", "session-events-" + suffix),
            Map.entry("examday.pubsub.emulator-host", required("PUBSUB_EMULATOR_HOST")),
            Map.entry("examday.startup-exercise.enabled", "false"),
            Map.entry("examday.warm.enabled", "false"),
            Map.entry("examday.exams.unreleased-refresh", "PT0.1S"),
            Map.entry("examday.candidate-page.gateway-url", gatewayUrl()),
            Map.entry("examday.candidate-page.live-url", "ws://127.0.0.1:" + livePort));
    session = ServiceProcess.start("exam-session", SESSION_JAR, sessionPort, sessionSettings);
    startGateway();
  }

  void startGateway() throws IOException {
    gateway = ServiceProcess.start("release-gateway", GATEWAY_JAR, gatewayPort, gatewaySettings);
  }

  void stopGateway() throws InterruptedException {
    gateway.close();
  }

  String sessionUrl() {
    return "http://127.0.0.1:" + sessionPort;
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  String proctorToken(String subject, String groups) throws Exception {
    return ProctorTokenMint.mint(proctorKey, subject, List.of(groups.split(",")), true, 3600);
  }

  /** A JSON request; answers status and body. */
  Reply send(String method, String url, String bearer, Object body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .header("Content-Type", "application/json");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    return new Reply(response.statusCode(), json, response.headers().map());
  }

  HttpResponse<byte[]> download(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  record Reply(int status, JsonNode json, Map<String, List<String>> headers) {}

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run tests through ./examday test");
    }
    return value;
  }

  @Override
  public void close() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
    if (session != null) {
      session.close();
    }
    vault.close();
    database.close();
  }
}
