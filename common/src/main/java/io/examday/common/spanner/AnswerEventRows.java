package io.examday.common.spanner;

import com.google.cloud.ByteArray;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one way an answer row is written (schema in db/migration, table AnswerEvents): a blind,
 * idempotent write of (session, question, client sequence), its value, the value's SHA-256 and the
 * commit timestamp. The same key always holds the same value, so writing it again changes nothing
 * but the commit timestamp.
 */
public final class AnswerEventRows {

  private AnswerEventRows() {}

  /** The row, with the digest already computed by the caller. */
  public static Mutation blindWrite(
      String sessionId, String questionId, long seq, String value, byte[] sha256) {
    return Mutation.newInsertOrUpdateBuilder("AnswerEvents")
        .set("SessionId")
        .to(sessionId)
        .set("QuestionId")
        .to(questionId)
        .set("ClientSeq")
        .to(seq)
        .set("Value")
        .to(value)
        .set("ValueSha256")
        .to(ByteArray.copyFrom(sha256))
        .set("CommittedAt")
        .to(Value.COMMIT_TIMESTAMP)
        .build();
  }

  /** The row, its digest computed here (SHA-256 of the value's UTF-8 bytes). */
  public static Mutation blindWrite(String sessionId, String questionId, long seq, String value) {
    return blindWrite(sessionId, questionId, seq, value, sha256(value));
  }

  /** What {@code ValueSha256} holds for a value. */
  public static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
