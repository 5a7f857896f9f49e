package io.examday.session.session;

import io.examday.common.token.SessionClaims;
import io.examday.session.auth.CandidateAuthenticator;
import io.examday.session.autosave.AnswerStore;
import io.examday.session.domain.ExamFacts;
import io.examday.session.exam.ExamCatalog;
import io.examday.session.login.LoginRequest;
import io.examday.session.login.LoginResponse;
import io.examday.session.login.LoginService;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The candidate's API: login, state and resume, submit (autosave: {@code AutosaveResource}). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CandidateResource {

  private final LoginService login;
  private final CandidateAuthenticator auth;
  private final SubmitService submit;
  private final SessionLookup lookup;
  private final ExamCatalog exams;
  private final AnswerStore answers;
  private final ActiveSessions active;
  private final Clock clock;

  public CandidateResource(
      LoginService login,
      CandidateAuthenticator auth,
      SubmitService submit,
      SessionLookup lookup,
      ExamCatalog exams,
      AnswerStore answers,
      ActiveSessions active,
      Clock clock) {
    this.login = login;
    this.auth = auth;
    this.submit = submit;
    this.lookup = lookup;
    this.exams = exams;
    this.answers = answers;
    this.active = active;
    this.clock = clock;
  }

  @POST
  @Path("/login")
  public LoginResponse login(LoginRequest request) {
    return login.login(request);
  }

  @POST
  @Path("/session/token")
  @Consumes(MediaType.WILDCARD)
  public LoginResponse refresh(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return login.refresh(auth.authenticate(authorization));
  }

  @GET
  @Path("/session")
  public SessionView state(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    SessionClaims claims = auth.authenticate(authorization);
    active.touch(claims.sessionId());
    return view(claims.sessionId());
  }

  @POST
  @Path("/session/submit")
  @Consumes(MediaType.WILDCARD)
  public SessionView submit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    SessionClaims claims = auth.authenticate(authorization);
    submit.submit(claims.sessionId(), "CANDIDATE", Optional.empty());
    return view(claims.sessionId());
  }

  private SessionView view(String sessionId) {
    var facts = lookup.facts(sessionId);
    ExamFacts exam = exams.get(facts.examId());
    // No answer can exist before the release (saves are refused until then): the candidates
    // waiting for the start are served from Redis and the exam cache alone.
    List<AnswerStore.StoredAnswer> saved =
        exam.releasedAt().isPresent() ? answers.latest(sessionId) : List.of();
    return SessionViews.of(facts, exam, saved, clock.instant());
  }
}
