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

/**
 * Serves the candidate WebSocket twice over: on the dedicated lean server (the one the load
 * balancer routes candidates to; {@code examday.gateway.live.port}) and as a plain Vert.x route on
 * the Quarkus HTTP server (same path, for setups with a single port). Starts the subscriptions.
 */
@ApplicationScoped
public class LiveRoutes {

  /** The candidate WebSocket path of docs/api.md. */
  public static final String LIVE_PATH = "/v1/exams/:examId/live";

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

  void stop(@Observes ShutdownEvent shutdown, LiveGateway live) {
    live.stop();
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
