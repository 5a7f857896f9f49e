package io.examday.gateway.wiring;

import io.examday.gateway.config.GatewayConfig;
import io.examday.gateway.live.LiveGateway;
import io.examday.gateway.live.LiveServer;
import io.examday.gateway.pubsub.GatewayEvents;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Serves the candidate WebSocket twice over: on the dedicated lean server (the one the load
 * balancer routes candidates to; {@code examday.gateway.live.port}) and as a plain Vert.x route on
 * the Quarkus HTTP server (same path, for setups with a single port). Starts the subscriptions.
 */
@ApplicationScoped
public class LiveRoutes {

  /** The candidate WebSocket path of docs/api.md. */
  public static final String LIVE_PATH = "/v1/exams/:examId/live";

  /** Beyond the drain period, how long the shutdown waits for the last batches. */
  private static final Duration DRAIN_SLACK = Duration.ofSeconds(2);

  private static final Logger LOG = Logger.getLogger(LiveRoutes.class);

  private volatile LiveServer server;

  void routes(@Observes Router router, LiveGateway live) {
    router.get(LIVE_PATH).handler(live::handle);
  }

  void start(
      @Observes StartupEvent startup,
      LiveGateway live,
      GatewayEvents events,
      GatewayConfig config,
      LiveVertx vertx) {
    server =
        LiveServer.start(
            vertx.vertx(),
            live,
            config.live().host(),
            config.live().port(),
            config.live().maxFrameBytes());
    live.start();
    events.subscribe(live);
  }

  /**
   * Drains the sockets (the shutdown waits for it, at most the drain period and a little more),
   * then closes the server.
   */
  void stop(@Observes ShutdownEvent shutdown, LiveGateway live, GatewayConfig config) {
    Duration drain = config.live().drainPeriod();
    int sockets = live.connected();
    if (sockets > 0) {
      LOG.infof(
          "draining %d candidate socket(s) over %d ms: they reconnect to other instances",
          sockets, drain.toMillis());
    }
    try {
      live.stop()
          .toCompletionStage()
          .toCompletableFuture()
          .get(drain.plus(DRAIN_SLACK).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warnf("socket drain not finished (%s); closing the rest", e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (server != null) {
      server.close();
    }
  }

  public boolean listening() {
    return server != null;
  }

  /** The dedicated server's port (tests ask for port 0). */
  public int livePort() {
    return server.port();
  }
}
