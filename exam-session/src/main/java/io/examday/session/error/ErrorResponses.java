package io.examday.session.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.google.cloud.spanner.SpannerException;
import io.examday.common.error.ApiError;
import io.examday.common.error.ExamdayException;
import io.examday.common.log.LogSampler;
import io.examday.session.autosave.GroupCommitter;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import redis.clients.jedis.exceptions.JedisException;

/** The one place where failures become HTTP answers: always {@link ApiError}, never a 500 page. */
public class ErrorResponses {

  private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

  /** An outage refuses every request: one line per kind and second, with the count. */
  private static final Duration OUTAGE_LOG_WINDOW = Duration.ofSeconds(1);

  private final LogSampler outages;

  public ErrorResponses(Clock clock) {
    this.outages = new LogSampler(clock, OUTAGE_LOG_WINDOW);
  }

  @ServerExceptionMapper
  public Response examday(ExamdayException e) {
    if (e.error().httpStatus() >= 500) {
      outage(e.error().code() + ": " + cause(e.getCause()));
    }
    Response response = respond(e.error().httpStatus(), e.toApiError());
    return e.retryAfter().map(wait -> withRetryAfter(response, wait)).orElse(response);
  }

  private static Response withRetryAfter(Response response, Duration wait) {
    return Response.fromResponse(response).header("Retry-After", retryAfterSeconds(wait)).build();
  }

  /**
   * A wait as {@code Retry-After} states it: whole seconds, rounded up (a client waiting less would
   * be refused), at least one. Messages that say the wait in words use the same figure.
   */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e) {
    return unreadableBody();
  }

  /** The answer to a body that is not JSON of the expected shape. */
  public static Response unreadableBody() {
    return respond(
        400,
        new ApiError(
            "MALFORMED_REQUEST",
            "The request body is not valid JSON of the expected shape.",
            false));
  }

  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e) {
    return unreadableJson(e);
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e) {
    String detail =
        e.getConstraintViolations().stream()
            .map(v -> v.getPropertyPath() + " " + v.getMessage())
            .sorted()
            .findFirst()
            .orElse("invalid request");
    return respond(400, new ApiError("MALFORMED_REQUEST", "Invalid request: " + detail, false));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return respond(404, new ApiError("NOT_FOUND", "No such resource.", false));
  }

  @ServerExceptionMapper
  public Response notAllowed(NotAllowedException e) {
    return respond(405, new ApiError("METHOD_NOT_ALLOWED", "Method not allowed here.", false));
  }

  @ServerExceptionMapper
  public Response unsupported(NotSupportedException e) {
    return respond(415, new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send application/json.", false));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    return webFailure(e);
  }

  /** The answer to a failure Quarkus reports as such (a body that does not parse is a 400). */
  public static Response webFailure(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status == 400) {
      return respond(
          400, new ApiError("MALFORMED_REQUEST", "The request could not be read.", false));
    }
    return respond(status, new ApiError("HTTP_" + status, "Request failed.", status >= 500));
  }

  @ServerExceptionMapper
  public Response spanner(SpannerException e) {
    outage("Spanner unavailable: " + e.getErrorCode());
    return respond(503, unavailable());
  }

  /** A shared commit refused the write before committing any of it (a Spanner stall). */
  @ServerExceptionMapper
  public Response refused(GroupCommitter.Refused e) {
    outage("shared commit refused: " + e.reason());
    return respond(
        503,
        new ExamdayException(
                SessionError.STORAGE_UNAVAILABLE,
                "Not saved: " + e.getMessage() + ". Nothing was lost; retry the same request.")
            .toApiError());
  }

  @ServerExceptionMapper
  public Response redis(JedisException e) {
    outage("Redis unavailable: " + e.getClass().getSimpleName());
    return respond(503, unavailable());
  }

  /** A bug, not bad input: logged with an id the person can quote; no internals leak. */
  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(RuntimeException e) {
    String id = java.util.UUID.randomUUID().toString();
    LOG.errorf(e, "unexpected failure %s", id);
    return respond(
        500,
        new ApiError(
            "INTERNAL_ERROR",
            "Something went wrong on our side (error "
                + id
                + "); nothing you saved before is lost. Retry.",
            true));
  }

  /** A refusal caused by an outage, logged sampled (the metrics count every one). */
  private void outage(String what) {
    long count = outages.admit(what);
    if (count == 1) {
      LOG.warn(what);
    } else if (count > 1) {
      LOG.warnf("%s (%d times since the last such line)", what, count);
    }
  }

  /** "TimeoutException", "SpannerException DEADLINE_EXCEEDED: ...", or "-" without a cause. */
  static String cause(Throwable cause) {
    if (cause == null) {
      return "-";
    }
    String name = cause.getClass().getSimpleName();
    return cause.getMessage() == null ? name : name + " " + cause.getMessage();
  }

  private static ApiError unavailable() {
    return new ExamdayException(
            SessionError.STORAGE_UNAVAILABLE,
            "Storage is briefly unavailable; nothing was lost. Retry the same request.")
        .toApiError();
  }

  private static Response respond(int status, ApiError body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
