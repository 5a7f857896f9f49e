package io.examday.gateway.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.cloud.spanner.SpannerException;
import io.examday.common.error.ApiError;
import io.examday.common.error.ExamdayException;
import io.examday.gateway.exam.SpannerExams;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place exceptions become the {@code {code,message,retryable}} JSON of docs/api.md. */
public final class ErrorMapper {

  private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

  @ServerExceptionMapper
  public Response examday(ExamdayException e) {
    return respond(e.error().httpStatus(), e.toApiError());
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthenticated(RuntimeException e) {
    return respond(
        401,
        new ApiError(
            GatewayError.UNAUTHENTICATED.code(), "A valid bearer token is required.", false));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return respond(
        403,
        new ApiError(
            GatewayError.FORBIDDEN.code(), "Your role does not allow this action.", false));
  }

  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e) {
    return malformed();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status == 400 || status == 415) {
      return malformed();
    }
    return respond(status, new ApiError("HTTP_" + status, "The request was not accepted.", false));
  }

  /** Spanner unreachable or slow (an outage, not a bug): a warning with its code, no stack. */
  @ServerExceptionMapper
  public Response spanner(SpannerException e) {
    if (!SpannerExams.transientFailure(e)) {
      return unexpected(e);
    }
    LOG.warnf("Spanner unavailable: %s", e.getErrorCode());
    return respond(
        503,
        new ApiError(
            GatewayError.DEPENDENCY_UNAVAILABLE.code(),
            "The exam database did not answer in time; send the same request again shortly.",
            true));
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.errorf(e, "unexpected failure: %s", e.getClass().getName());
    return respond(
        503,
        new ApiError(
            GatewayError.DEPENDENCY_UNAVAILABLE.code(),
            "The gateway could not complete the request; try again shortly.",
            true));
  }

  private static Response malformed() {
    return respond(
        400,
        new ApiError(
            GatewayError.MALFORMED_REQUEST.code(), "The request body is not valid JSON.", false));
  }

  private static Response respond(int status, ApiError body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
