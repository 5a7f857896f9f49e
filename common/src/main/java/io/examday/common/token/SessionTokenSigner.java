package io.examday.common.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Mints compact JWS session tokens signed with Ed25519 ({@code alg: EdDSA}). Thread-safe.
 *
 * <p>Ed25519 was chosen over RSA because signing and verifying are both fast and the public key is
 * 32 bytes, so every release-gateway can verify tokens without calling exam-session.
 */
public final class SessionTokenSigner {

  static final String ALGORITHM = "EdDSA";
  static final String ISSUER = "examday-session";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final Ed25519PrivateKeyParameters key;
  private final String keyId;
  private final ObjectMapper json = new ObjectMapper();
  private final String encodedHeader;

  public SessionTokenSigner(PrivateKey key, String keyId) {
    this.key = Ed25519Signatures.signingKey(key);
    this.keyId = keyId;
    this.encodedHeader = encode(Map.of("alg", ALGORITHM, "typ", "JWT", "kid", keyId));
  }

  public String keyId() {
    return keyId;
  }

  public String sign(SessionClaims claims) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("iss", ISSUER);
    body.put("sub", claims.sessionId());
    body.put("cid", claims.candidateId());
    body.put("exam", claims.examId());
    body.put("xt", claims.extraTimeSeconds());
    body.put("iat", claims.issuedAt().getEpochSecond());
    body.put("exp", claims.expiresAt().getEpochSecond());
    String signingInput = encodedHeader + "." + encode(body);
    return signingInput + "." + B64.encodeToString(signature(signingInput));
  }

  private byte[] signature(String signingInput) {
    return Ed25519Signatures.sign(key, signingInput.getBytes(StandardCharsets.US_ASCII));
  }

  private String encode(Map<String, Object> part) {
    try {
      return B64.encodeToString(json.writeValueAsBytes(part));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise token part", e);
    }
  }
}
