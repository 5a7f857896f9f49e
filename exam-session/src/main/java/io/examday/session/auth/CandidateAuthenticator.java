package io.examday.session.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.examday.common.error.ExamdayException;
import io.examday.common.token.SessionClaims;
import io.examday.common.token.SessionTokenVerifier;
import io.examday.common.token.TokenRejectedException;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.error.SessionError;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Turns an {@code Authorization: Bearer} header into the candidate's session claims. A verified
 * token is remembered (until it expires), so its Ed25519 signature is checked once, not on every
 * autosave.
 */
@Singleton
public class CandidateAuthenticator {

  private static final String BEARER = "Bearer ";
  private final SessionTokenVerifier verifier;
  private final Clock clock;
  private final Cache<String, SessionClaims> verified;

  public CandidateAuthenticator(
      SessionTokenVerifier verifier, Clock clock, ExamSessionConfig config) {
    this.verifier = verifier;
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(config.sessionToken().verifiedCacheSize())
            .executor(Runnable::run) // upkeep on the caller: see ActiveSessions
            .build();
  }

  public SessionClaims authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith(BEARER)) {
      throw new ExamdayException(
          SessionError.TOKEN_MISSING, "Log in first: send Authorization: Bearer <session token>.");
    }
    String token = authorization.substring(BEARER.length()).strip();
    SessionClaims claims = verified.getIfPresent(token);
    if (claims != null) {
      if (clock.instant().isBefore(claims.expiresAt())) {
        return claims;
      }
      verified.invalidate(token);
    }
    try {
      claims = verifier.verify(token);
    } catch (TokenRejectedException e) {
      throw rejected(e);
    }
    verified.put(token, claims);
    return claims;
  }

  private static ExamdayException rejected(TokenRejectedException e) {
    if (e.reason() == TokenRejectedException.Reason.EXPIRED) {
      return new ExamdayException(
          SessionError.TOKEN_EXPIRED, "Your session token has expired: log in again.");
    }
    return new ExamdayException(
        SessionError.TOKEN_INVALID,
        "The session token is not valid (" + e.reason() + "): log in again.");
  }
}
