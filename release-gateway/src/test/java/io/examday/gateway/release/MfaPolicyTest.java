package io.examday.gateway.release;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.examday.common.error.ExamdayException;
import io.examday.gateway.error.GatewayError;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MfaPolicyTest {

  private static final Instant NOW = Instant.parse("2026-05-16T09:00:00Z");
  private final MfaPolicy policy = new MfaPolicy(Duration.ofMinutes(15));

  private static ProctorIdentity proctor(Set<String> amr, Optional<Instant> authTime) {
    return new ProctorIdentity("p", amr, authTime);
  }

  @Test
  void acceptsFreshMfa() {
    assertThatCode(
            () ->
                policy.check(proctor(Set.of("pwd", "mfa"), Optional.of(NOW.minusSeconds(60))), NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsPasswordOnly() {
    assertMfaRequired(proctor(Set.of("pwd"), Optional.of(NOW)));
  }

  @Test
  void rejectsStaleOrMissingAuthTime() {
    assertMfaRequired(proctor(Set.of("mfa"), Optional.of(NOW.minus(Duration.ofMinutes(16)))));
    assertMfaRequired(proctor(Set.of("mfa"), Optional.empty()));
    assertMfaRequired(proctor(Set.of("mfa"), Optional.of(NOW.plus(Duration.ofMinutes(10)))));
  }

  private void assertMfaRequired(ProctorIdentity proctor) {
    assertThatThrownBy(() -> policy.check(proctor, NOW))
        .isInstanceOfSatisfying(
            ExamdayException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.error())
                    .isEqualTo(GatewayError.MFA_REQUIRED));
  }
}
