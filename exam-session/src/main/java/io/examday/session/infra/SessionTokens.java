package io.examday.session.infra;

import io.examday.common.token.Ed25519Keys;
import io.examday.common.token.SessionTokenSigner;
import io.examday.common.token.SessionTokenVerifier;
import io.examday.session.config.ExamSessionConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Signer and verifier of candidate session tokens, from the configured key files. */
public class SessionTokens {

  @Produces
  @Singleton
  SessionTokenSigner signer(ExamSessionConfig config) {
    var token = config.sessionToken();
    return new SessionTokenSigner(
        Ed25519Keys.privateKeyFromPem(Ed25519Keys.read(Path.of(token.privateKey()))),
        token.keyId());
  }

  @Produces
  @Singleton
  SessionTokenVerifier verifier(ExamSessionConfig config, Clock clock) {
    var token = config.sessionToken();
    return new SessionTokenVerifier(
        Map.of(
            token.keyId(),
            Ed25519Keys.publicKeyFromPem(Ed25519Keys.read(Path.of(token.publicKey())))),
        clock,
        token.leeway());
  }
}
