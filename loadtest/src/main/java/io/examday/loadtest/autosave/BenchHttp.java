package io.examday.loadtest.autosave;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;

/** The generators' HTTP client: keep-alive connections to one exam-session, at most so many. */
final class BenchHttp {

  private BenchHttp() {}

  /**
   * The generator's Vert.x, on Netty's epoll transport where it loads: the generator shares the
   * machine's two cores with the service it measures, so every syscall it saves goes to the
   * service.
   */
  static Vertx vertx() {
    return Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
  }

  static HttpClient client(Vertx vertx, String baseUrl, int connections) {
    URI base = URI.create(baseUrl);
    return vertx.createHttpClient(
        new HttpClientOptions()
            .setDefaultHost(base.getHost())
            .setDefaultPort(base.getPort())
            .setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(connections));
  }
}
