package io.examday.loadtest.autosave;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;

/** The generators' HTTP client: keep-alive connections to one exam-session, at most so many. */
final class BenchHttp {

  private BenchHttp() {}

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
