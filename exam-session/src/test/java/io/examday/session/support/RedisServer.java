package io.examday.session.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;

/**
 * A private redis-server process for one test run, so a test may FLUSHALL or kill it without
 * touching anyone else's data. Uses the redis-server that ./examday installs.
 */
public final class RedisServer implements AutoCloseable {

  private volatile Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static RedisServer start() {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    RedisServer server = new RedisServer(launch(port), port);
    server.awaitReady();
    return server;
  }

  /** The server goes away, as in a crash or a failover: nothing answers on its port. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A new, empty server on the same port (what a replacement node looks like to a client); nothing
   * if the server is still running.
   */
  public void startAgain() {
    if (process.isAlive()) {
      return;
    }
    process = launch(port);
    awaitReady();
  }

  private static Process launch(int port) {
    try {
      Path log = Files.createTempFile("redis-test", ".log");
      return new ProcessBuilder(
              "redis-server",
              "--port",
              Integer.toString(port),
              "--bind",
              "127.0.0.1",
              "--save",
              "",
              "--appendonly",
              "no")
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server (./examday installs it)", e);
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      try (RedisClient client = RedisClient.create("127.0.0.1", port)) {
        if ("PONG".equals(client.ping())) {
          return;
        }
      } catch (RuntimeException notYet) {
        Thread.onSpinWait();
      }
    }
    throw new IllegalStateException("redis-server did not start on port " + port);
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
