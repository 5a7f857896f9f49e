package io.examday.gateway.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.examday.common.error.ExamdayException;
import io.examday.gateway.error.GatewayError;
import io.examday.gateway.exam.SpannerExams;
import io.examday.gateway.live.ExamSource;
import io.examday.gateway.vault.VaultPaperKeys;
import java.io.IOException;
import java.util.Arrays;

/**
 * Prepares an exam's paper: encrypts it with a fresh key, stores the ciphertext file, puts the key
 * in Vault and records the digest in Spanner. The plaintext is kept nowhere (the request buffer is
 * wiped after encryption).
 */
public final class PaperService {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExamSource exams;
  private final SpannerExams records;
  private final VaultPaperKeys keys;
  private final PaperStore store;
  private final PaperCipher cipher = new PaperCipher();
  private final int maxBytes;
  private final String urlPrefix;

  public PaperService(
      ExamSource exams,
      SpannerExams records,
      VaultPaperKeys keys,
      PaperStore store,
      int maxBytes,
      String urlPrefix) {
    this.exams = exams;
    this.records = records;
    this.keys = keys;
    this.store = store;
    this.maxBytes = maxBytes;
    this.urlPrefix = urlPrefix;
  }

  /** The answer of the admin endpoint. */
  public record PreparedPaper(String paperDigest, String url) {}

  public PreparedPaper prepare(String examId, byte[] paperJson, String actor) {
    try {
      if (paperJson.length > maxBytes) {
        throw new ExamdayException(
            GatewayError.PAPER_TOO_LARGE, "The paper is over " + maxBytes + " bytes.");
      }
      requireJsonObject(paperJson);
      if (exams.load(examId).release().isPresent()) {
        throw SpannerExams.alreadyReleased(examId);
      }
      PaperCipher.Sealed sealed = cipher.seal(examId, paperJson);
      String digest = store.put(sealed.file());
      String vaultPath = keys.storeKey(examId, digest, sealed.key());
      Arrays.fill(sealed.key(), (byte) 0);
      records.recordPaper(examId, digest, vaultPath, sealed.file().length, actor);
      return new PreparedPaper(digest, urlPrefix + digest);
    } finally {
      Arrays.fill(paperJson, (byte) 0);
    }
  }

  private static void requireJsonObject(byte[] body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new ExamdayException(
          GatewayError.MALFORMED_REQUEST, "The paper must be a JSON object.");
    }
    PaperShape.check(node);
  }
}
