package io.examday.session.infra;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.function.Supplier;

/** A span around a Redis call, only when the request's trace is sampled (spans cost CPU). */
public final class RedisCalls {

  private RedisCalls() {}

  public static <T> T traced(Tracer tracer, String name, Supplier<T> call) {
    if (!Span.current().isRecording()) {
      return call.get();
    }
    Span span = tracer.spanBuilder(name).setAttribute("db.system", "redis").startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return call.get();
    } finally {
      span.end();
    }
  }
}
