package io.examday.common.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTokenTest {

  private static final Instant NOW = Instant.parse("2026-05-16T09:00:00Z");
  private final KeyPair keys = Ed25519Keys.generate();
  private final SessionTokenSigner signer = new SessionTokenSigner(keys.getPrivate(), "k1");
  private final SessionClaims claims =
      new SessionClaims("s-1", "c-1", "exam-1", 600, NOW, NOW.plus(Duration.ofMinutes(30)));

  private SessionTokenVerifier verifierAt(Instant instant) {
    return new SessionTokenVerifier(
        Map.of("k1", keys.getPublic()),
        Clock.fixed(instant, ZoneOffset.UTC),
        Duration.ofSeconds(5));
  }

  @Test
  void roundTripsClaims() {
    assertThat(verifierAt(NOW).verify(signer.sign(claims))).isEqualTo(claims);
  }

  @Test
  void rejectsExpiredToken() {
    String token = signer.sign(claims);
    assertThatThrownBy(() -> verifierAt(NOW.plus(Duration.ofMinutes(31))).verify(token))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.EXPIRED));
  }

  @Test
  void rejectsTokenFromAnotherKey() {
    String foreign = new SessionTokenSigner(Ed25519Keys.generate().getPrivate(), "k1").sign(claims);
    assertRejected(foreign, TokenRejectedException.Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsUnknownKeyId() {
    String token = new SessionTokenSigner(keys.getPrivate(), "k2").sign(claims);
    assertRejected(token, TokenRejectedException.Reason.UNKNOWN_KEY);
  }

  @Test
  void rejectsAlgNoneEvenWithValidBody() {
    String[] parts = signer.sign(claims).split("\\.");
    String none = b64("{\"alg\":\"none\",\"kid\":\"k1\"}");
    assertRejected(
        none + "." + parts[1] + ".", TokenRejectedException.Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void rejectsTamperedClaims() {
    String[] parts = signer.sign(claims).split("\\.");
    String body =
        b64(
            "{\"iss\":\"examday-session\",\"sub\":\"other\",\"cid\":\"c-1\",\"exam\":\"exam-1\",\"xt\":600,"
                + "\"iat\":"
                + NOW.getEpochSecond()
                + ",\"exp\":"
                + (NOW.getEpochSecond() + 60)
                + "}");
    assertRejected(
        parts[0] + "." + body + "." + parts[2], TokenRejectedException.Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsGarbage() {
    assertRejected("not-a-token", TokenRejectedException.Reason.MALFORMED);
    assertRejected("a.b.c", TokenRejectedException.Reason.MALFORMED);
    assertRejected("", TokenRejectedException.Reason.MALFORMED);
    assertRejected("x".repeat(5000), TokenRejectedException.Reason.MALFORMED);
  }

  @Test
  void keysSurvivePemRoundTrip() {
    var privateKey = Ed25519Keys.privateKeyFromPem(Ed25519Keys.toPem(keys.getPrivate()));
    var publicKey = Ed25519Keys.publicKeyFromPem(Ed25519Keys.toPem(keys.getPublic()));
    String token = new SessionTokenSigner(privateKey, "k1").sign(claims);
    var verifier =
        new SessionTokenVerifier(
            Map.of("k1", publicKey), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
    assertThat(verifier.verify(token).sessionId()).isEqualTo("s-1");
  }

  /**
   * Tokens are plain RFC 8032 Ed25519: what the JDK's EdDSA signs, we accept, and what we sign, the
   * JDK verifies (tokens minted by a pod of an older release stay valid across a rolling update).
   */
  @Test
  void signaturesAreInterchangeableWithTheJdksEdDsa() throws Exception {
    String token = signer.sign(claims);
    String[] parts = token.split("\\.");
    byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(keys.getPublic());
    jdk.update(input);
    assertThat(jdk.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

    jdk.initSign(keys.getPrivate());
    jdk.update(input);
    String jdkSigned =
        parts[0]
            + "."
            + parts[1]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(jdk.sign());
    assertThat(verifierAt(NOW).verify(jdkSigned)).isEqualTo(claims);
  }

  @Test
  void rejectsAFlippedSignatureBitAndATruncatedSignature() {
    String token = signer.sign(claims);
    int cut = token.lastIndexOf('.') + 1;
    byte[] signature = Base64.getUrlDecoder().decode(token.substring(cut));
    signature[10] ^= 1;
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    assertRejected(
        token.substring(0, cut) + b64.encodeToString(signature),
        TokenRejectedException.Reason.BAD_SIGNATURE);
    assertRejected(
        token.substring(0, cut) + b64.encodeToString(java.util.Arrays.copyOf(signature, 63)),
        TokenRejectedException.Reason.BAD_SIGNATURE);
  }

  @Test
  void aKeyOfAnotherAlgorithmIsRefusedUpFront() throws Exception {
    java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair other = rsa.generateKeyPair();
    assertThatThrownBy(() -> new SessionTokenSigner(other.getPrivate(), "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SessionTokenVerifier(
                    Map.of("k", other.getPublic()), Clock.systemUTC(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertRejected(String token, TokenRejectedException.Reason reason) {
    assertThatThrownBy(() -> verifierAt(NOW).verify(token))
        .isInstanceOfSatisfying(
            TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
