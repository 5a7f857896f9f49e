package io.examday.gateway.testing;

import io.examday.common.dev.ProctorTokenMint;
import io.examday.common.token.Ed25519Keys;
import io.examday.common.token.SessionClaims;
import io.examday.common.token.SessionTokenSigner;
import io.examday.common.token.SessionTokenVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Throwaway keys for one test run, written to files the way ./examday writes the local ones: the
 * Ed25519 session-token pair (kid {@code local-1}) and the stand-in IdP's RSA pair.
 */
public final class TestKeys {

  public static final String KEY_ID = "local-1";

  public final Path directory;
  public final Path sessionPublicKey;
  public final Path sessionPrivateKey;
  public final Path proctorPublicKey;
  public final Path proctorPrivateKey;

  private TestKeys(Path directory) {
    this.directory = directory;
    this.sessionPublicKey = directory.resolve("session.pub.pem");
    this.sessionPrivateKey = directory.resolve("session.pem");
    this.proctorPublicKey = directory.resolve("proctor.pub.pem");
    this.proctorPrivateKey = directory.resolve("proctor.pem");
  }

  public static TestKeys create() {
    try {
      TestKeys keys = new TestKeys(Files.createTempDirectory("examday-keys"));
      KeyPair session = Ed25519Keys.generate();
      Files.writeString(keys.sessionPublicKey, Ed25519Keys.toPem(session.getPublic()));
      Files.writeString(keys.sessionPrivateKey, Ed25519Keys.toPem(session.getPrivate()));
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      KeyPair proctor = rsa.generateKeyPair();
      Files.writeString(keys.proctorPublicKey, pem("PUBLIC KEY", proctor.getPublic().getEncoded()));
      Files.writeString(
          keys.proctorPrivateKey, pem("PRIVATE KEY", proctor.getPrivate().getEncoded()));
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads keys written earlier (e.g. by the Quarkus test resource) from their directory. */
  public static TestKeys in(Path directory) {
    return new TestKeys(directory);
  }

  /** A gateway's verifier for these keys' session tokens (5 s clock skew, system clock). */
  public SessionTokenVerifier verifier() {
    return new SessionTokenVerifier(
        Map.of(KEY_ID, Ed25519Keys.publicKeyFromPem(Ed25519Keys.read(sessionPublicKey))),
        Clock.systemUTC(),
        Duration.ofSeconds(5));
  }

  public String sessionToken(String sessionId, String examId, long extraSeconds, Duration ttl) {
    Instant now = Instant.now();
    return sessionToken(sessionId, examId, extraSeconds, now.minusSeconds(1), now.plus(ttl));
  }

  public String sessionToken(
      String sessionId, String examId, long extraSeconds, Instant issuedAt, Instant expiresAt) {
    PrivateKey key = Ed25519Keys.privateKeyFromPem(Ed25519Keys.read(sessionPrivateKey));
    return new SessionTokenSigner(key, KEY_ID)
        .sign(
            new SessionClaims(
                sessionId, "c-" + sessionId, examId, extraSeconds, issuedAt, expiresAt));
  }

  public String proctorToken(String subject, List<String> groups, boolean mfa) {
    try {
      String pem = Files.readString(proctorPrivateKey, StandardCharsets.US_ASCII);
      String body =
          pem.replace("-----BEGIN PRIVATE KEY-----", "")
              .replace("-----END PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      PrivateKey key =
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
      return ProctorTokenMint.mint(key, subject, groups, mfa, 600);
    } catch (Exception e) {
      throw new IllegalStateException("cannot mint a proctor token", e);
    }
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
