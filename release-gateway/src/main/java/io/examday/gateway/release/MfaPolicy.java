package io.examday.gateway.release;

import io.examday.common.error.ExamdayException;
import io.examday.gateway.error.GatewayError;
import java.time.Duration;
import java.time.Instant;

/** The release needs a recent multi-factor login, not just a valid session. Pure. */
public final class MfaPolicy {

  private final Duration maxAge;

  public MfaPolicy(Duration maxAge) {
    this.maxAge = maxAge;
  }

  public void check(ProctorIdentity proctor, Instant now) {
    if (!proctor.authMethods().contains("mfa")) {
      throw new ExamdayException(
          GatewayError.MFA_REQUIRED, "Releasing an exam needs a multi-factor login.");
    }
    boolean fresh =
        proctor
            .authTime()
            .map(t -> !t.isBefore(now.minus(maxAge)) && !t.isAfter(now.plusSeconds(60)))
            .orElse(false);
    if (!fresh) {
      throw new ExamdayException(
          GatewayError.MFA_REQUIRED,
          "Your multi-factor login is older than "
              + maxAge.toMinutes()
              + " minutes; sign in again to release.");
    }
  }
}
