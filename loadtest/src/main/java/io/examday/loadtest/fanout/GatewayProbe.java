package io.examday.loadtest.fanout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads a gateway process's live heap: forces a full GC with {@code jcmd PID GC.run}, then sums the
 * heap pools' used bytes from the gateway's own Prometheus endpoint ({@code
 * jvm_memory_used_bytes{area="heap"}}). Heap after GC before and after the herd connects, divided
 * by the connections, is the heap each idle connection costs.
 */
final class GatewayProbe {

  private static final String HEAP_METRIC = "jvm_memory_used_bytes{area=\"heap\"";

  private final HttpClient http = HttpClient.newHttpClient();
  private final Path jcmd;

  GatewayProbe(Path javaHome) {
    this.jcmd = javaHome.resolve("bin").resolve("jcmd");
  }

  long heapAfterGc(Gateway gateway) throws IOException, InterruptedException {
    for (int i = 0; i < 2; i++) {
      Process gc =
          new ProcessBuilder(jcmd.toString(), Long.toString(gateway.pid()), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
        throw new IllegalStateException("jcmd GC.run failed for pid " + gateway.pid());
      }
    }
    String metrics =
        http.send(
                HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return metrics
        .lines()
        .filter(line -> line.startsWith(HEAP_METRIC))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /**
   * A gateway process under test: its REST port, its candidate-socket port and its pid, given as
   * {@code host:port:livePort:pid}.
   */
  record Gateway(String host, int port, int livePort, long pid) {
    String baseUrl() {
      return "http://" + host + ":" + port;
    }

    static Gateway parse(String spec) {
      String[] parts = spec.split(":");
      return new Gateway(
          parts[0],
          Integer.parseInt(parts[1]),
          Integer.parseInt(parts[2]),
          Long.parseLong(parts[3]));
    }
  }
}
