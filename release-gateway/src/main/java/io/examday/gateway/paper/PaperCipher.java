package io.examday.gateway.paper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for exam papers. File format (what candidates download): a 12-byte random IV followed
 * by the GCM ciphertext with its 16-byte tag; the additional authenticated data is the exam id
 * (UTF-8), so a paper file cannot be passed off as another exam's. Pure.
 */
public final class PaperCipher {

  public static final int IV_BYTES = 12;
  public static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecureRandom random = new SecureRandom();

  /** A ciphertext file and the fresh key it was made with. */
  public record Sealed(byte[] file, byte[] key) {}

  public Sealed seal(String examId, byte[] plaintext) {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, random);
      SecretKey key = generator.generateKey();
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(examId.getBytes(StandardCharsets.UTF_8));
      byte[] body = cipher.doFinal(plaintext);
      byte[] file = ByteBuffer.allocate(IV_BYTES + body.length).put(iv).put(body).array();
      return new Sealed(file, key.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is unavailable", e);
    }
  }

  /** What a candidate's client does after the release (here for tests and tools). */
  public static byte[] open(String examId, byte[] file, byte[] key)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new GCMParameterSpec(TAG_BITS, file, 0, IV_BYTES));
    cipher.updateAAD(examId.getBytes(StandardCharsets.UTF_8));
    return cipher.doFinal(file, IV_BYTES, file.length - IV_BYTES);
  }
}
