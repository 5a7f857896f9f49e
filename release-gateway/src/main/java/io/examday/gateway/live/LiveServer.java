package io.examday.gateway.live;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A dedicated, lean Vert.x HTTP server for the candidate WebSocket only, on its own Vert.x
 * instance: no HTTP metrics, tracing, idle-timeout handler or request context per socket (those
 * cost about 2 KiB per idle connection on the shared Quarkus server, measured with {@code jcmd
 * GC.class_histogram}). Dead sockets are found by the gateway's own heartbeat sweep.
 */
public final class LiveServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LiveServer.class);

  private static final Pattern LIVE_PATH = Pattern.compile("/v1/exams/([A-Za-z0-9._-]{1,64})/live");

  private final HttpServer server;

  private LiveServer(HttpServer server) {
    this.server = server;
  }

  /**
   * A Vert.x instance for the live gateway: as many event loops as asked, no metrics, and Netty's
   * epoll transport where it loads (Linux): per socket it costs fewer syscalls and allocations than
   * NIO, which is what a release to every idle socket at once is made of. Elsewhere it falls back
   * to NIO and says why.
   */
  public static Vertx newVertx(int eventLoops) {
    VertxOptions options = new VertxOptions().setPreferNativeTransport(true);
    if (eventLoops > 0) {
      options.setEventLoopPoolSize(eventLoops);
    }
    Vertx vertx = Vertx.vertx(options);
    if (vertx.isNativeTransportEnabled()) {
      LOG.info("live sockets use the epoll transport");
    } else {
      Throwable cause = vertx.unavailableNativeTransportCause();
      LOG.warnf(
          "live sockets use NIO: the epoll transport is unavailable (%s)",
          cause == null ? "unknown" : cause.toString());
    }
    return vertx;
  }

  /** Listens on {@code host:port} (0 picks a free port) and serves {@code live}'s sockets. */
  public static LiveServer start(
      Vertx vertx, LiveGateway live, String host, int port, int maxFrameBytes) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setIdleTimeout(0)
            .setTcpKeepAlive(true)
            .setAcceptBacklog(4096)
            .setMaxWebSocketFrameSize(Math.max(maxFrameBytes * 4, 1024))
            .setMaxWebSocketMessageSize(Math.max(maxFrameBytes * 4, 1024))
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false);
    HttpServer server =
        vertx.createHttpServer(options).requestHandler(request -> route(live, request));
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the live socket server cannot listen on port " + port, e);
    }
    return new LiveServer(server);
  }

  private static void route(LiveGateway live, HttpServerRequest request) {
    Matcher path = LIVE_PATH.matcher(request.path());
    if (path.matches()) {
      live.handle(request, path.group(1));
      return;
    }
    request
        .response()
        .setStatusCode(404)
        .putHeader("Content-Type", "application/json")
        .end(
            "{\"code\":\"NOT_FOUND\",\"message\":\"Only /v1/exams/{examId}/live is served here.\","
                + "\"retryable\":false}");
  }

  public int port() {
    return server.actualPort();
  }

  /** Stops listening; the Vert.x instance belongs to whoever made it. */
  @Override
  public void close() {
    server.close().toCompletionStage().toCompletableFuture().join();
  }
}
