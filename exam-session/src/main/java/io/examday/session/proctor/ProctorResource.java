package io.examday.session.proctor;

import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionRules;
import io.examday.session.exam.ExamCatalog;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The proctors' API. Every change is audited with the proctor's identity from the IdP token. */
@Path("/api/v1/proctor")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("proctor")
@RunOnVirtualThread
public class ProctorResource {

  private final ProctorService actions;
  private final ProctorQueries queries;
  private final AnsweredCounts answeredCounts;
  private final ExamCatalog exams;
  private final JsonWebToken jwt;
  private final Clock clock;

  public ProctorResource(
      ProctorService actions,
      ProctorQueries queries,
      AnsweredCounts answeredCounts,
      ExamCatalog exams,
      JsonWebToken jwt,
      Clock clock) {
    this.actions = actions;
    this.queries = queries;
    this.answeredCounts = answeredCounts;
    this.exams = exams;
    this.jwt = jwt;
    this.clock = clock;
  }

  @GET
  @Path("/exams/{examId}/sessions")
  public ProctorViews.SessionPage sessions(
      @PathParam("examId") String examId,
      @QueryParam("status") String status,
      @QueryParam("pageToken") String pageToken) {
    return queries.sessions(examId, status, pageToken);
  }

  @GET
  @Path("/exams/{examId}/answered-counts")
  public Map<String, Long> answeredCounts(@PathParam("examId") String examId) {
    return answeredCounts.get(examId);
  }

  @GET
  @Path("/exams/{examId}/audit")
  public List<ProctorViews.AuditRow> audit(@PathParam("examId") String examId) {
    return queries.audit(examId);
  }

  @POST
  @Path("/sessions/{sessionId}/extra-time")
  public ProctorViews.SessionChange extraTime(
      @PathParam("sessionId") String sessionId, ProctorAction action) {
    return view(actions.addExtraTime(actor(), sessionId, action));
  }

  @POST
  @Path("/sessions/{sessionId}/pause")
  public ProctorViews.SessionChange pause(
      @PathParam("sessionId") String sessionId, ProctorAction action) {
    return view(actions.pause(actor(), sessionId, action));
  }

  @POST
  @Path("/sessions/{sessionId}/resume")
  public ProctorViews.SessionChange resume(
      @PathParam("sessionId") String sessionId, ProctorAction action) {
    return view(actions.resume(actor(), sessionId, action));
  }

  @POST
  @Path("/sessions/{sessionId}/submit")
  public ProctorViews.SessionChange forceSubmit(
      @PathParam("sessionId") String sessionId, ProctorAction action) {
    return view(actions.forceSubmit(actor(), sessionId, action));
  }

  private String actor() {
    return jwt.getSubject();
  }

  private ProctorViews.SessionChange view(SessionFacts facts) {
    var exam = exams.get(facts.examId());
    return new ProctorViews.SessionChange(
        facts.sessionId(),
        SessionRules.visibleStatus(facts, exam).name(),
        facts.deadlineInputs(exam).deadline(clock.instant()).orElse(null),
        facts.submittedAt().orElse(null));
  }
}
