package io.examday.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A packaged Quarkus service started as its own process, the way production runs it. */
final class ServiceProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final String name;
  private final Process process;
  private final Path log;

  private ServiceProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code jar} with the settings as system properties; returns once it is ready. */
  static ServiceProcess start(String name, Path jar, int port, Map<String, String> settings)
      throws IOException {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: package it first (./mvnw install -DskipTests -pl " + name + " -am)");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx384m"));
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.otel.sdk.disabled=true");
    command.add("-jar");
    command.add(jar.toString());
    Path log = Files.createTempFile("e2e-" + name + "-", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // a backstop: a test JVM that ends without closing it (a failed teardown) takes it along
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().name("stop-" + name).unstarted(process::destroy));
    ServiceProcess service = new ServiceProcess(name, process, log);
    service.awaitReady(port);
    return service;
  }

  private void awaitReady(int port) {
    URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    Cdp.awaitTrue(
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited:\n" + logText());
          }
          try {
            HttpURLConnection connection = (HttpURLConnection) ready.toURL().openConnection();
            return connection.getResponseCode() == 200;
          } catch (IOException notYet) {
            return false;
          }
        },
        READY_TIMEOUT,
        () -> name + " not ready in " + READY_TIMEOUT + ":\n" + logText());
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM (the gateway closes its sockets with 1001 GOING_AWAY), then SIGKILL if it hangs. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
