package io.examday.gateway.wiring;

import io.vertx.core.Vertx;

/**
 * The candidate sockets' own Vert.x instance, as a type of its own so it never stands in for
 * Quarkus's (which carries the HTTP metrics and tracing the sockets do without).
 */
public record LiveVertx(Vertx vertx) {}
