package io.examday.session.autosave;

import io.examday.common.error.ExamdayException;
import io.examday.common.token.SessionClaims;
import io.examday.session.auth.CandidateAuthenticator;
import io.examday.session.session.ActiveSessions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.util.concurrent.TimeUnit;

/**
 * The autosave endpoint. The request body (a few hundred bytes) is read, parsed and validated on
 * the I/O thread; the save then goes out without a thread waiting for it ({@link AutosaveService}),
 * and the answer is written when Spanner has committed. Per save, a virtual thread parking on Redis
 * and then on the commit cost more CPU than the save itself (docs/benchmarks.md).
 */
@Path("/api/v1/session/answers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutosaveResource {

  private final CandidateAuthenticator auth;
  private final AutosaveService autosave;
  private final ActiveSessions active;
  private final MeterRegistry metrics;
  private final Timer ackLatency;

  public AutosaveResource(
      CandidateAuthenticator auth,
      AutosaveService autosave,
      ActiveSessions active,
      MeterRegistry metrics) {
    this.auth = auth;
    this.autosave = autosave;
    this.active = active;
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
    CompletableFuture<SaveResponse> saved;
    try {
      SessionClaims claims = auth.authenticate(authorization);
      active.touch(claims.sessionId());
      saved = autosave.save(claims, request);
    } catch (RuntimeException e) {
      saved = CompletableFuture.failedFuture(e);
    }
    saved.whenComplete( // metrics only: the request is answered from `saved` itself, as failed
        (response, error) -> {
          if (error == null) {
            ackLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
          } else if (error instanceof ExamdayException refused) {
            Counter.builder("examday.autosave.rejected")
                .description("Saves refused, by error code")
                .tag("code", refused.error().code())
                .register(metrics)
                .increment();
          }
        });
    return saved;
  }
}
