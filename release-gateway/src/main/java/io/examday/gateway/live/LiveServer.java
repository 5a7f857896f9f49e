package io.examday.gateway.live;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

  /**
   * The largest frame Netty decodes and hands to {@link LiveGateway} (or 4 times the gateway's
   * limit, if that is more). The gateway closes a frame over its own limit with 1009
   * FRAME_TOO_LARGE and counts it; a frame above this cap never gets there: Netty refuses it and
   * the gateway's exception handler closes with the same code and reason. (Before that handler, a
   * 20 KiB message sent as one frame, as browsers send it, over the old cap of 4 times the 4 KiB
   * limit was dropped with no close frame and not counted.) 64 KiB is Vert.x's default, which the
   * main HTTP port's route has, so both routes close the same frames the same way. Netty buffers a
   * frame only while it arrives: an idle socket pays nothing for it.
   */
  static final int TRANSPORT_MAX_FRAME_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final String deployment;
  private final int port;

  private LiveServer(Vertx vertx, String deployment, int port) {
    this.vertx = vertx;
    this.deployment = deployment;
    this.port = port;
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

  /**
   * Listens on {@code host:port} (0 picks a free port) and serves {@code live}'s sockets on every
   * event loop of {@code vertx}.
   *
   * <p>Vert.x serves all the connections of one server on the event loop it was started on, so a
   * single server would put every candidate on one loop (one core) however many the instance has.
   * One server per event loop, all bound to the same port (Vert.x binds the socket once and deals
   * accepted connections round-robin), spreads them; a negative port makes the servers share one
   * free port.
   */
  public static LiveServer start(
      Vertx vertx, LiveGateway live, String host, int port, int maxFrameBytes) {
    int transportCap = Math.max(TRANSPORT_MAX_FRAME_BYTES, maxFrameBytes * 4);
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port == 0 ? -1 : port)
            .setIdleTimeout(0)
            .setTcpKeepAlive(true)
            .setAcceptBacklog(4096)
            .setMaxWebSocketFrameSize(transportCap)
            .setMaxWebSocketMessageSize(transportCap)
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false);
    int loops = eventLoops(vertx);
    AtomicInteger actualPort = new AtomicInteger();
    try {
      String deployment =
          vertx
              .deployVerticle(
                  () -> new SocketVerticle(options, live, actualPort),
                  new DeploymentOptions().setInstances(loops))
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      LOG.infof("live sockets served on %d event loop(s), port %d", loops, actualPort.get());
      return new LiveServer(vertx, deployment, actualPort.get());
    } catch (Exception e) {
      throw new IllegalStateException("the live socket server cannot listen on port " + port, e);
    }
  }

  private static int eventLoops(Vertx vertx) {
    int loops = 0;
    for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
      loops++;
    }
    return Math.max(1, loops);
  }

  /** One server on the event loop of its own verticle instance. */
  private static final class SocketVerticle extends AbstractVerticle {

    private final HttpServerOptions options;
    private final LiveGateway live;
    private final AtomicInteger actualPort;

    SocketVerticle(HttpServerOptions options, LiveGateway live, AtomicInteger actualPort) {
      this.options = options;
      this.live = live;
      this.actualPort = actualPort;
    }

    @Override
    public void start(Promise<Void> started) {
      vertx
          .createHttpServer(options) // Vert.x copies the options for each server
          .requestHandler(request -> route(live, request))
          .listen()
          .onSuccess(server -> actualPort.set(server.actualPort()))
          .<Void>mapEmpty()
          .onComplete(started);
    }
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
    return port;
  }

  /** Stops listening (undeploys the servers); the Vert.x instance belongs to whoever made it. */
  @Override
  public void close() {
    vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().join();
  }
}
