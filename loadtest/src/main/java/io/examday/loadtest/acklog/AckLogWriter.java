package io.examday.loadtest.acklog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends records to one log file; safe to call from every load-generator thread. The lock is held
 * for one buffered append, so contention stays negligible next to an HTTP round trip.
 */
public final class AckLogWriter implements AutoCloseable {

  static final String HEADER = "# examday-acklog v1";
  static final String TRAILER_PREFIX = "# end ";
  private static final int BUFFER_BYTES = 1 << 20;

  private final ReentrantLock lock = new ReentrantLock();
  private final BufferedWriter out;
  private long records;
  private boolean closed;

  private AckLogWriter(BufferedWriter out) {
    this.out = out;
  }

  /** Creates (or truncates) the file and writes the header. */
  public static AckLogWriter create(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      BufferedWriter out =
          new BufferedWriter(
              new java.io.OutputStreamWriter(
                  Files.newOutputStream(
                      file,
                      StandardOpenOption.CREATE,
                      StandardOpenOption.TRUNCATE_EXISTING,
                      StandardOpenOption.WRITE),
                  StandardCharsets.UTF_8),
              BUFFER_BYTES);
      out.write(HEADER);
      out.newLine();
      return new AckLogWriter(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create ack log " + file, e);
    }
  }

  /** Records that an autosave of this value is about to be sent. */
  public void sent(String sessionId, String questionId, long seq, String valueSha256) {
    append(new AckRecord(AckRecord.Kind.SENT, sessionId, questionId, seq, valueSha256));
  }

  /** Records that exam-session acknowledged the autosave as durably saved. */
  public void acked(String sessionId, String questionId, long seq, String valueSha256) {
    append(new AckRecord(AckRecord.Kind.ACKED, sessionId, questionId, seq, valueSha256));
  }

  public void append(AckRecord record) {
    String line = record.toLine();
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("ack log already closed");
      }
      out.write(line);
      out.newLine();
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to ack log", e);
    } finally {
      lock.unlock();
    }
  }

  /** Writes the trailer that marks the log complete, then flushes and closes. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      out.write(TRAILER_PREFIX + records);
      out.newLine();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close ack log", e);
    } finally {
      lock.unlock();
    }
  }
}
