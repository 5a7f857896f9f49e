package io.examday.gateway.live;

import io.examday.gateway.testing.TestKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * A started live gateway on its dedicated socket server (a free port, two event loops), as the
 * socket tests run it without Quarkus. {@link #close} stops the server and the event loops.
 */
record TestGateway(Vertx vertx, LiveGateway live, LiveServer server) implements AutoCloseable {

  /** For exams that are not released: no key may be read. */
  static final KeySource NO_KEY =
      (examId, digest) -> {
        throw new AssertionError("no key may be read for an unreleased exam");
      };

  static TestGateway start(
      LiveSettings settings,
      TestKeys keys,
      ExamSource exams,
      KeySource paperKeys,
      Clock clock,
      MeterRegistry meters) {
    Vertx vertx = LiveServer.newVertx(2);
    LiveGateway live =
        new LiveGateway(
            vertx, settings, keys.verifier(), exams, paperKeys, clock, new LiveMetrics(meters));
    live.start();
    return new TestGateway(vertx, live, LiveServer.start(vertx, live, "127.0.0.1", 0, 4096));
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
