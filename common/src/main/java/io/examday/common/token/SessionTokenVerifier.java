package io.examday.common.token;

import static io.examday.common.token.TokenRejectedException.Reason.BAD_SIGNATURE;
import static io.examday.common.token.TokenRejectedException.Reason.EXPIRED;
import static io.examday.common.token.TokenRejectedException.Reason.MALFORMED;
import static io.examday.common.token.TokenRejectedException.Reason.NOT_YET_VALID;
import static io.examday.common.token.TokenRejectedException.Reason.UNKNOWN_KEY;
import static io.examday.common.token.TokenRejectedException.Reason.UNSUPPORTED_ALGORITHM;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Verifies session tokens with public keys only. Accepts exactly {@code alg: EdDSA}: {@code none}
 * and every other algorithm are rejected before any key is looked at, so an attacker cannot pick
 * the algorithm. Thread-safe.
 */
public final class SessionTokenVerifier {

  private static final int MAX_TOKEN_CHARS = 4096;
  private static final Base64.Decoder B64 = Base64.getUrlDecoder();

  private final Map<String, Ed25519PublicKeyParameters> keysById;
  private final Clock clock;
  private final Duration leeway;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param keysById the accepted public keys by key id; several during a key rotation
   * @param clock the time source for expiry
   * @param leeway clock skew tolerated on {@code exp} and {@code iat}
   */
  public SessionTokenVerifier(Map<String, PublicKey> keysById, Clock clock, Duration leeway) {
    Map<String, Ed25519PublicKeyParameters> keys = new HashMap<>();
    keysById.forEach((id, key) -> keys.put(id, Ed25519Signatures.verifyingKey(key)));
    this.keysById = Map.copyOf(keys);
    this.clock = clock;
    this.leeway = leeway;
  }

  public SessionClaims verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw new TokenRejectedException(MALFORMED, "token is missing or too long");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new TokenRejectedException(MALFORMED, "token is not a compact JWS");
    }
    JsonNode header = decodeJson(parts[0]);
    if (!SessionTokenSigner.ALGORITHM.equals(header.path("alg").asText())) {
      throw new TokenRejectedException(UNSUPPORTED_ALGORITHM, "only EdDSA tokens are accepted");
    }
    Ed25519PublicKeyParameters key = keysById.get(header.path("kid").asText());
    if (key == null) {
      throw new TokenRejectedException(UNKNOWN_KEY, "token was signed with an unknown key");
    }
    checkSignature(key, parts);
    return claims(decodeJson(parts[1]));
  }

  private void checkSignature(Ed25519PublicKeyParameters key, String[] parts) {
    boolean valid;
    try {
      valid =
          Ed25519Signatures.verify(
              key,
              (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
              B64.decode(parts[2]));
    } catch (IllegalArgumentException e) {
      valid = false;
    }
    if (!valid) {
      throw new TokenRejectedException(BAD_SIGNATURE, "token signature does not verify");
    }
  }

  private SessionClaims claims(JsonNode body) {
    if (!SessionTokenSigner.ISSUER.equals(body.path("iss").asText())
        || !body.path("sub").isTextual()
        || !body.path("cid").isTextual()
        || !body.path("exam").isTextual()
        || !body.path("xt").canConvertToLong()
        || !body.path("iat").canConvertToLong()
        || !body.path("exp").canConvertToLong()) {
      throw new TokenRejectedException(MALFORMED, "token claims are incomplete");
    }
    Instant now = clock.instant();
    Instant issuedAt = Instant.ofEpochSecond(body.get("iat").asLong());
    Instant expiresAt = Instant.ofEpochSecond(body.get("exp").asLong());
    if (!now.isBefore(expiresAt.plus(leeway))) {
      throw new TokenRejectedException(EXPIRED, "token has expired; log in again");
    }
    if (issuedAt.isAfter(now.plus(leeway))) {
      throw new TokenRejectedException(NOT_YET_VALID, "token is issued in the future");
    }
    try {
      return new SessionClaims(
          body.get("sub").asText(),
          body.get("cid").asText(),
          body.get("exam").asText(),
          body.get("xt").asLong(),
          issuedAt,
          expiresAt);
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException(MALFORMED, "token claims are inconsistent");
    }
  }

  private JsonNode decodeJson(String part) {
    try {
      JsonNode node = json.readTree(B64.decode(part));
      if (node == null || !node.isObject()) {
        throw new TokenRejectedException(MALFORMED, "token part is not a JSON object");
      }
      return node;
    } catch (IllegalArgumentException | IOException e) {
      throw new TokenRejectedException(MALFORMED, "token part is not base64url JSON");
    }
  }
}
