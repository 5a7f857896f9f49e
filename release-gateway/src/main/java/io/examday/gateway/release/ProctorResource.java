package io.examday.gateway.release;

import io.examday.common.error.ExamdayException;
import io.examday.gateway.error.GatewayError;
import io.examday.gateway.exam.SpannerExams;
import io.examday.gateway.live.ExamSource;
import io.examday.gateway.pubsub.Events;
import io.examday.gateway.pubsub.GatewayEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The proctor's commands on an exam: release and broadcast (docs/api.md). */
@Path("/api/v1/proctor/exams/{examId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("proctor")
@Blocking
public class ProctorResource {

  private static final int MAX_BROADCAST_CHARS = 1000;

  @Inject JsonWebToken jwt;
  @Inject ReleaseService releases;
  @Inject SpannerExams exams;
  @Inject GatewayEvents events;
  @Inject Clock clock;

  /** A broadcast body. */
  public record BroadcastRequest(String message) {}

  /** A broadcast's answer. */
  public record BroadcastResponse(String examId, String sentAt, boolean published) {}

  @POST
  @Path("/release")
  public ReleaseResponse release(@PathParam("examId") String examId, ReleaseRequest request) {
    return releases.release(
        examId, identity(), request == null ? new ReleaseRequest(false, null) : request);
  }

  @POST
  @Path("/broadcast")
  public BroadcastResponse broadcast(@PathParam("examId") String examId, BroadcastRequest request) {
    if (request == null
        || request.message() == null
        || request.message().isBlank()
        || request.message().length() > MAX_BROADCAST_CHARS) {
      throw new ExamdayException(
          GatewayError.MALFORMED_REQUEST,
          "A broadcast needs a message of 1 to " + MAX_BROADCAST_CHARS + " characters.");
    }
    ((ExamSource) exams).load(examId); // 404 for an unknown exam
    exams.recordBroadcast(examId, jwt.getName(), request.message());
    Instant sentAt = clock.instant();
    boolean published =
        events.publishBroadcast(
            new Events.Broadcast(examId, request.message(), jwt.getName(), sentAt.toString()));
    return new BroadcastResponse(examId, sentAt.toString(), published);
  }

  private ProctorIdentity identity() {
    Set<String> amr = new HashSet<>();
    Object claim = jwt.getClaim("amr");
    if (claim instanceof JsonArray array) {
      array.forEach(v -> amr.add(v instanceof JsonString s ? s.getString() : v.toString()));
    } else if (claim instanceof Iterable<?> values) {
      values.forEach(v -> amr.add(String.valueOf(v)));
    }
    Object authTime = jwt.getClaim("auth_time");
    Optional<Instant> at =
        switch (authTime) {
          case JsonNumber n -> Optional.of(Instant.ofEpochSecond(n.longValue()));
          case Number n -> Optional.of(Instant.ofEpochSecond(n.longValue()));
          case null, default -> Optional.empty();
        };
    return new ProctorIdentity(jwt.getName(), amr, at);
  }
}
