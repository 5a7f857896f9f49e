package io.examday.loadtest.rehearsal;

import io.examday.common.dev.ProctorTokenMint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Mints exam-admin and proctor tokens with the local stand-in IdP's key, fresh for each use so the
 * release's MFA-freshness check ({@code auth_time}) passes however long the ramp was.
 */
public final class ProctorTokens {

  private static final long TTL_SECONDS = 3600;

  private final PrivateKey key;

  private ProctorTokens(PrivateKey key) {
    this.key = key;
  }

  public static ProctorTokens fromPem(Path pem) {
    try {
      String body =
          Files.readString(pem)
              .replace("-----BEGIN PRIVATE KEY-----", "")
              .replace("-----END PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      return new ProctorTokens(
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read proctor key " + pem, e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException("not a PKCS#8 RSA key: " + pem, e);
    }
  }

  public String admin() {
    return mint("rehearsal-admin@examday.local", List.of("exam-admin"), false);
  }

  public String proctor() {
    return mint("rehearsal-proctor@examday.local", List.of("proctor"), true);
  }

  private String mint(String subject, List<String> groups, boolean mfa) {
    try {
      return ProctorTokenMint.mint(key, subject, groups, mfa, TTL_SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot mint a local proctor token", e);
    }
  }
}
