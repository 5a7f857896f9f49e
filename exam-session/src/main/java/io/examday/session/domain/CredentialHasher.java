package io.examday.session.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes candidates' access codes as {@code v1$salt$HMAC-SHA256(pepper, salt || code)}.
 *
 * <p>Why not a slow password hash: access codes are random secrets issued by the authority (not
 * chosen by people, so no dictionary to try), online guessing is rate-limited, and offline guessing
 * needs the pepper, which lives outside the database. A deliberately slow hash would instead cost a
 * CPU core per few dozen logins exactly when the whole country logs in at once.
 */
public final class CredentialHasher {

  private static final String VERSION = "v1";
  private static final int SALT_BYTES = 16;
  private final byte[] pepper;
  private final SecureRandom random = new SecureRandom();

  public CredentialHasher(String pepper) {
    if (pepper == null || pepper.length() < 16) {
      throw new IllegalArgumentException("the login pepper must be at least 16 characters");
    }
    this.pepper = pepper.getBytes(StandardCharsets.UTF_8);
  }

  public String hash(String accessCode) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return VERSION
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(mac(salt, accessCode));
  }

  /** Constant-time check; false for any hash it cannot read. */
  public boolean matches(String accessCode, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      return false;
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[1]);
      return MessageDigest.isEqual(mac(salt, accessCode), Base64.getDecoder().decode(parts[2]));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private byte[] mac(byte[] salt, String accessCode) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
      mac.update(salt);
      return mac.doFinal(accessCode.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always present", e);
    }
  }
}
