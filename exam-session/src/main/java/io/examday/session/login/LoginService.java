package io.examday.session.login;

import io.examday.common.error.ExamdayException;
import io.examday.common.token.SessionClaims;
import io.examday.common.token.SessionTokenSigner;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.domain.CredentialHasher;
import io.examday.session.error.SessionError;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Roll number + access code to a session token. An unknown roll number and a wrong code get the
 * same answer after the same work, so the response does not reveal which roll numbers exist.
 */
@Singleton
public class LoginService {

  private static final int MAX_FIELD = 128;
  private final CandidateDirectory candidates;
  private final LoginRateLimiter limiter;
  private final CredentialHasher hasher;
  private final SessionTokenSigner signer;
  private final Clock clock;
  private final Duration ttl;
  private final String decoyHash;

  public LoginService(
      CandidateDirectory candidates,
      LoginRateLimiter limiter,
      SessionTokenSigner signer,
      Clock clock,
      ExamSessionConfig config) {
    this.candidates = candidates;
    this.limiter = limiter;
    this.hasher = new CredentialHasher(config.login().pepper());
    this.signer = signer;
    this.clock = clock;
    this.ttl = config.sessionToken().ttl();
    this.decoyHash = hasher.hash("decoy-access-code");
  }

  public CredentialHasher hasher() {
    return hasher;
  }

  public LoginResponse login(LoginRequest request) {
    if (request == null
        || blank(request.rollNumber())
        || blank(request.accessCode())
        || request.rollNumber().length() > MAX_FIELD
        || request.accessCode().length() > MAX_FIELD) {
      throw new ExamdayException(
          SessionError.MALFORMED_REQUEST, "Send your roll number and access code.");
    }
    String rollNumber = request.rollNumber().strip();
    limiter.checkAllowed(rollNumber);
    Optional<CandidateDirectory.Candidate> candidate = candidates.byRollNumber(rollNumber);
    boolean valid =
        hasher.matches(
            request.accessCode().strip(),
            candidate.map(CandidateDirectory.Candidate::credentialHash).orElse(decoyHash));
    if (candidate.isEmpty() || !valid) {
      limiter.recordFailure(rollNumber);
      throw new ExamdayException(
          SessionError.INVALID_CREDENTIALS,
          "The roll number or the access code is wrong. Check both on your admit card.");
    }
    return issue(
        candidate.get().sessionId(),
        candidate.get().candidateId(),
        candidate.get().examId(),
        candidate.get().extraTimeSeconds());
  }

  /** A fresh token for the same session (refresh before expiry). */
  public LoginResponse refresh(SessionClaims claims) {
    return issue(
        claims.sessionId(), claims.candidateId(), claims.examId(), claims.extraTimeSeconds());
  }

  private LoginResponse issue(String sessionId, String candidateId, String examId, long extra) {
    Instant now = clock.instant();
    SessionClaims claims =
        new SessionClaims(sessionId, candidateId, examId, extra, now, now.plus(ttl));
    return new LoginResponse(signer.sign(claims), claims.expiresAt(), sessionId, examId);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
