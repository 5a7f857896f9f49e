package io.examday.devvault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A stand-in for the few parts of HashiCorp Vault's HTTP API that examday uses, for tests and the
 * local platform only (no Vault server can run on these machines): KV v2 read and write at {@code
 * /v1/<mount>/data/<path>}, the {@code X-Vault-Token} header (403 on a wrong or missing token), 404
 * on a missing secret, and {@code /v1/sys/health}. Secrets live in memory and are gone when it
 * stops. Never part of a production image.
 *
 * <p>{@code java -jar dev-vault.jar PORT [TOKEN]}; the token defaults to {@code
 * $EXAMDAY_VAULT_TOKEN}.
 */
public final class DevVault implements AutoCloseable {

  private static final String API_PREFIX = "/v1/";
  private static final String DATA_SEGMENT = "/data/";

  private final HttpServer server;
  private final String token;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, List<JsonNode>> versionsByPath = new ConcurrentHashMap<>();

  private DevVault(HttpServer server, String token, Clock clock) {
    this.server = server;
    this.token = token;
    this.clock = clock;
  }

  /** Starts a server on 127.0.0.1; port 0 picks a free one. */
  public static DevVault start(int port, String token) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      DevVault vault = new DevVault(server, token, Clock.systemUTC());
      server.createContext("/", vault::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return vault;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on port " + port, e);
    }
  }

  public String address() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/v1/sys/health")) {
        reply(exchange, 200, json.createObjectNode().put("initialized", true).put("sealed", false));
        return;
      }
      if (!token.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
        reply(exchange, 403, errors("permission denied"));
        return;
      }
      int data = path.indexOf(DATA_SEGMENT);
      if (!path.startsWith(API_PREFIX) || data < 0 || path.endsWith("/")) {
        reply(exchange, 404, errors());
        return;
      }
      String key = path.substring(API_PREFIX.length());
      switch (exchange.getRequestMethod()) {
        case "GET" -> read(exchange, key);
        case "POST", "PUT" -> write(exchange, key);
        default -> reply(exchange, 405, errors("unsupported operation"));
      }
    }
  }

  private void read(HttpExchange exchange, String key) throws IOException {
    List<JsonNode> versions = versionsByPath.get(key);
    if (versions == null) {
      reply(exchange, 404, errors());
      return;
    }
    ObjectNode body = envelope();
    ObjectNode data = body.putObject("data");
    data.set("data", versions.getLast());
    data.set("metadata", metadata(versions.size()));
    reply(exchange, 200, body);
  }

  private void write(HttpExchange exchange, String key) throws IOException {
    JsonNode request;
    try {
      request = json.readTree(exchange.getRequestBody());
    } catch (IOException e) {
      reply(exchange, 400, errors("failed to parse JSON input"));
      return;
    }
    if (request == null || !request.path("data").isObject()) {
      reply(exchange, 400, errors("no data provided"));
      return;
    }
    List<JsonNode> versions =
        versionsByPath.compute(
            key,
            (k, old) -> {
              List<JsonNode> next = old == null ? List.of() : old;
              return append(next, request.get("data"));
            });
    ObjectNode body = envelope();
    body.set("data", metadata(versions.size()));
    reply(exchange, 200, body);
  }

  private static List<JsonNode> append(List<JsonNode> versions, JsonNode value) {
    var next = new java.util.ArrayList<>(versions);
    next.add(value.deepCopy());
    return List.copyOf(next);
  }

  private ObjectNode metadata(int version) {
    return json.createObjectNode()
        .put("created_time", clock.instant().toString())
        .put("deletion_time", "")
        .put("destroyed", false)
        .put("version", version);
  }

  private ObjectNode envelope() {
    ObjectNode body = json.createObjectNode();
    body.put("request_id", java.util.UUID.randomUUID().toString());
    body.put("lease_id", "");
    body.put("renewable", false);
    body.put("lease_duration", 0);
    return body;
  }

  private ObjectNode errors(String... messages) {
    ObjectNode body = json.createObjectNode();
    var array = body.putArray("errors");
    for (String message : messages) {
      array.add(message);
    }
    return body;
  }

  private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1) {
      System.err.println("usage: DevVault PORT [TOKEN]   (token defaults to $EXAMDAY_VAULT_TOKEN)");
      System.exit(2);
    }
    String token = args.length > 1 ? args[1] : System.getenv("EXAMDAY_VAULT_TOKEN");
    if (token == null || token.isBlank()) {
      System.err.println("no token: pass one or set EXAMDAY_VAULT_TOKEN");
      System.exit(2);
    }
    DevVault vault = start(Integer.parseInt(args[0]), token);
    System.out.println("dev-vault (KV v2 stand-in, in memory) listening on " + vault.address());
    Runtime.getRuntime().addShutdownHook(new Thread(vault::close));
    Thread.currentThread().join();
  }
}
