package io.examday.session.admin;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Exam administration: define exams, register candidates. */
@Path("/api/v1/admin/exams/{examId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("exam-admin")
@RunOnVirtualThread
public class AdminResource {

  private final AdminService admin;
  private final JsonWebToken jwt;

  public AdminResource(AdminService admin, JsonWebToken jwt) {
    this.admin = admin;
    this.jwt = jwt;
  }

  @PUT
  public Map<String, String> define(@PathParam("examId") String examId, ExamDefinition exam) {
    admin.defineExam(jwt.getSubject(), examId, exam);
    return Map.of("examId", examId);
  }

  @POST
  @Path("/candidates")
  public Map<String, Integer> importCandidates(
      @PathParam("examId") String examId, CandidateImport candidates) {
    return Map.of("imported", admin.importCandidates(jwt.getSubject(), examId, candidates));
  }
}
