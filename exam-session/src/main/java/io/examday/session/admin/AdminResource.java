package io.examday.session.admin;

import io.examday.session.warm.ExamWarmer;
import io.examday.session.warm.WarmReport;
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

/** Exam administration: define exams, register candidates, warm an exam up. */
@Path("/api/v1/admin/exams/{examId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("exam-admin")
@RunOnVirtualThread
public class AdminResource {

  private final AdminService admin;
  private final ExamWarmer warmer;
  private final JsonWebToken jwt;

  public AdminResource(AdminService admin, ExamWarmer warmer, JsonWebToken jwt) {
    this.admin = admin;
    this.warmer = warmer;
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

  /**
   * Stages the exam's login directory (and, before the release, its sessions) in Redis now; the
   * scheduler does this by itself {@code examday.warm.lead} before the start.
   */
  @POST
  @Path("/warm")
  @Consumes(MediaType.WILDCARD)
  public WarmReport warm(@PathParam("examId") String examId) {
    return warmer.warm(examId);
  }
}
