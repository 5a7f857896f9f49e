package io.examday.common.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local stand-in for the workforce IdP (Okta in production): mints an RS256 proctor token with the
 * claims the services check ({@code groups}, {@code amr}, {@code auth_time}), signed with the local
 * key that {@code ./examday} generates. Never used in production, where Okta signs.
 *
 * <p>{@code java -cp examday-common.jar io.examday.common.dev.ProctorTokenMint KEY.pem SUBJECT
 * GROUPS(,) MFA(true|false) [TTL_SECONDS]}
 */
public final class ProctorTokenMint {

  public static final String LOCAL_ISSUER = "https://idp.examday.local";

  private ProctorTokenMint() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: ProctorTokenMint KEY.pem SUBJECT GROUPS MFA [TTL_SECONDS]");
      System.exit(2);
    }
    PrivateKey key = rsaPrivateKey(Files.readString(Path.of(args[0])));
    long ttl = args.length > 4 ? Long.parseLong(args[4]) : 3600;
    System.out.println(
        mint(key, args[1], List.of(args[2].split(",")), Boolean.parseBoolean(args[3]), ttl));
  }

  public static String mint(
      PrivateKey key, String subject, List<String> groups, boolean mfa, long ttlSeconds)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", LOCAL_ISSUER);
    claims.put("sub", subject);
    claims.put("upn", subject);
    claims.put("groups", groups);
    claims.put("amr", mfa ? List.of("pwd", "mfa") : List.of("pwd"));
    claims.put("auth_time", now);
    claims.put("iat", now);
    claims.put("exp", now + ttlSeconds);
    ObjectMapper json = new ObjectMapper();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input =
        b64.encodeToString(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")))
            + "."
            + b64.encodeToString(json.writeValueAsBytes(claims));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64.encodeToString(signer.sign());
  }

  static PrivateKey rsaPrivateKey(String pem) throws Exception {
    String body =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }
}
