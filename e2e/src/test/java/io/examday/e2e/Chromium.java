package io.examday.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Debian's Chromium (installed by {@code ./examday test}; nothing is downloaded), headless with the
 * flags of STACK.md and a fresh profile, driven over the DevTools protocol.
 */
final class Chromium implements AutoCloseable {

  static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  private final Process process;
  private final Path profile;
  private final Cdp page;

  private Chromium(Process process, Path profile, Cdp page) {
    this.process = process;
    this.profile = profile;
    this.page = page;
  }

  static Chromium start() throws IOException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(BINARY + " is missing: run through ./examday test");
    }
    Path profile = Files.createTempDirectory("examday-chromium");
    Process process =
        new ProcessBuilder(
                List.of(
                    BINARY.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--remote-debugging-address=127.0.0.1",
                    "--remote-debugging-port=0",
                    "about:blank"))
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    // a backstop: a test JVM that ends without closing it (a failed teardown) takes it along
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().name("stop-chromium").unstarted(process::destroy));
    Path portFile = profile.resolve("DevToolsActivePort");
    Cdp.awaitTrue(
        () -> Files.exists(portFile) && readQuietly(portFile).contains("\n"),
        Duration.ofSeconds(30),
        () ->
            "Chromium did not open its DevTools port: "
                + readQuietly(profile.resolve("chromium.log")));
    String port = readQuietly(portFile).lines().findFirst().orElseThrow();
    return new Chromium(process, profile, Cdp.connect(pageTarget(port)));
  }

  private static String pageTarget(String port) {
    try {
      HttpResponse<String> list =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      for (JsonNode target : new ObjectMapper().readTree(list.body())) {
        if ("page".equals(target.path("type").asText())) {
          return target.get("webSocketDebuggerUrl").asText();
        }
      }
      throw new IllegalStateException("Chromium has no page target: " + list.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  Cdp page() {
    return page;
  }

  /**
   * Stops the browser and the processes it started (renderer, network service: they may outlive the
   * browser process for a moment and go on writing to the profile), then removes the profile.
   */
  @Override
  public void close() throws IOException, InterruptedException {
    page.close();
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    for (ProcessHandle helper : helpers) {
      helper.destroy();
      try {
        helper.onExit().get(5, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        helper.destroyForcibly();
      }
    }
    deleteProfile(profile);
  }

  /**
   * Removes a directory tree that a process which is ending may still be changing: a file that is
   * gone by the time it is reached is skipped, and the walk is repeated while something is left.
   */
  static void deleteProfile(Path root) throws IOException, InterruptedException {
    for (int attempt = 1; Files.exists(root); attempt++) {
      if (attempt > 1) {
        Thread.sleep(100);
      }
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof NoSuchFileException) || attempt == 5) {
          throw e;
        }
      }
      if (Files.exists(root) && attempt == 5) {
        throw new IOException("the browser profile " + root + " could not be removed");
      }
    }
  }
}
