package io.examday.session.autosave;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.examday.common.error.ApiError;
import io.examday.common.error.ExamdayException;
import io.examday.common.token.SessionClaims;
import io.examday.session.auth.CandidateAuthenticator;
import io.examday.session.error.ErrorResponses;
import io.examday.session.session.ActiveSessions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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
  private final RejectedSaves rejected;
  private final Timer ackLatency;

  public AutosaveResource(
      CandidateAuthenticator auth,
      AutosaveService autosave,
      ActiveSessions active,
      RejectedSaves rejected,
      MeterRegistry metrics) {
    this.auth = auth;
    this.autosave = autosave;
    this.active = active;
    this.rejected = rejected;
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
            rejected.count(refused.error().code());
          }
        });
    return saved;
  }

  /**
   * A body that is not JSON of the expected shape never reaches {@link #save}, but the candidate's
   * save is refused all the same (as {@code {}} is, by the validator): counted with the others. The
   * answers are ErrorResponses', as for every endpoint.
   */
  @ServerExceptionMapper
  public Response wrongShape(JsonProcessingException e) {
    return counted(ErrorResponses.unreadableBody());
  }

  /** Quarkus reports a body that does not parse as JSON as a 400 WebApplicationException. */
  @ServerExceptionMapper
  public Response unreadable(WebApplicationException e) {
    return counted(ErrorResponses.webFailure(e));
  }

  private Response counted(Response refusal) {
    rejected.count(((ApiError) refusal.getEntity()).code());
    return refusal;
  }
}
