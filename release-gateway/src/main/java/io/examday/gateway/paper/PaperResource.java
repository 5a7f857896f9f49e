package io.examday.gateway.paper;

import io.examday.common.error.ExamdayException;
import io.examday.gateway.config.GatewayConfig;
import io.examday.gateway.error.GatewayError;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Paper preparation (exam-admin) and the encrypted paper files (public, immutable). */
@Path("/")
@Blocking
public class PaperResource {

  @Inject PaperService papers;
  @Inject PaperStore store;
  @Inject GatewayConfig config;
  @Inject JsonWebToken jwt;

  @POST
  @Path("api/v1/admin/exams/{examId}/paper")
  @RolesAllowed("exam-admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public PaperService.PreparedPaper prepare(@PathParam("examId") String examId, byte[] body) {
    return papers.prepare(examId, body == null ? new byte[0] : body, jwt.getName());
  }

  /**
   * Anyone may download a paper: it is useless without the key, which comes at release. So any
   * origin may read it too (the candidate page is served by exam-session, another origin); a plain
   * GET without credentials needs no preflight.
   */
  @GET
  @Path("papers/{digest}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response file(
      @PathParam("digest") String digest, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNone) {
    java.nio.file.Path file =
        store
            .find(digest)
            .orElseThrow(
                () -> new ExamdayException(GatewayError.UNKNOWN_PAPER, "No such paper file."));
    String etag = "\"" + digest + "\"";
    Response.ResponseBuilder response =
        etag.equals(ifNone) ? Response.notModified() : Response.ok(file.toFile());
    return response
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.CACHE_CONTROL, config.papers().cacheControl())
        .header("Access-Control-Allow-Origin", "*")
        .build();
  }
}
