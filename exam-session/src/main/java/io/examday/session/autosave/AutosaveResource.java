package io.examday.session.autosave;

import io.examday.common.error.ExamdayException;
import io.examday.common.token.SessionClaims;
import io.examday.session.auth.CandidateAuthenticator;
import io.examday.session.error.SessionError;
import io.examday.session.session.ActiveSessions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The autosave endpoint. The request body (a few hundred bytes) is read and parsed on the I/O
 * thread, then the save itself (Redis, then the shared Spanner commit, all blocking calls) runs on
 * a virtual thread. A {@code @RunOnVirtualThread} method would instead read the body from the
 * virtual thread chunk by chunk, handing every chunk over between threads: at thousands of saves
 * per second that hand-off cost more CPU than the save (docs/benchmarks.md).
 */
@Path("/api/v1/session/answers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutosaveResource {

  private final CandidateAuthenticator auth;
  private final AutosaveService autosave;
  private final ActiveSessions active;
  private final ExecutorService virtualThreads;
  private final MeterRegistry metrics;
  private final Timer ackLatency;

  public AutosaveResource(
      CandidateAuthenticator auth,
      AutosaveService autosave,
      ActiveSessions active,
      @VirtualThreads ExecutorService virtualThreads,
      MeterRegistry metrics) {
    this.auth = auth;
    this.autosave = autosave;
    this.active = active;
    this.virtualThreads = virtualThreads;
    this.metrics = metrics;
    this.ackLatency =
        Timer.builder("examday.autosave.ack")
            .description("From receiving a save to acknowledging it durable")
            .publishPercentileHistogram()
            .register(metrics);
  }

  @PUT
  @NonBlocking
  public CompletionStage<SaveResponse> save(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SaveRequest request) {
    long start = System.nanoTime();
    CompletableFuture<SaveResponse> result = new CompletableFuture<>();
    try {
      virtualThreads.execute(
          () -> {
            try {
              result.complete(save(authorization, request, start));
            } catch (Throwable e) { // every outcome answers the request, errors included
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException shuttingDown) {
      result.completeExceptionally(
          new ExamdayException(
              SessionError.STORAGE_UNAVAILABLE,
              "The answer was not saved (this server is shutting down); retry the same request.",
              shuttingDown));
    }
    return result;
  }

  private SaveResponse save(String authorization, SaveRequest request, long start) {
    try {
      SessionClaims claims = auth.authenticate(authorization);
      active.touch(claims.sessionId());
      SaveResponse response = autosave.save(claims, request);
      ackLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return response;
    } catch (ExamdayException e) {
      Counter.builder("examday.autosave.rejected")
          .description("Saves refused, by error code")
          .tag("code", e.error().code())
          .register(metrics)
          .increment();
      throw e;
    }
  }
}
