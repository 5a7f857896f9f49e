package io.examday.loadtest.acklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckLogRoundTripTest {

  @TempDir Path dir;

  private final String hashB = ValueHash.sha256Hex("B");

  @Test
  void recordsComeBackInOrderAndTheLogIsComplete() {
    Path file = dir.resolve("run.acklog");
    try (AckLogWriter writer = AckLogWriter.create(file)) {
      writer.sent("s1", "q1", 1, hashB);
      writer.acked("s1", "q1", 1, hashB);
      writer.sent("s1", "q2", 7, ValueHash.sha256Hex("ünïcode ✓"));
    }
    List<AckRecord> read = new ArrayList<>();
    AckLogReader.Summary summary = AckLogReader.read(List.of(file), read::add);

    assertThat(read)
        .containsExactly(
            new AckRecord(AckRecord.Kind.SENT, "s1", "q1", 1, hashB),
            new AckRecord(AckRecord.Kind.ACKED, "s1", "q1", 1, hashB),
            new AckRecord(AckRecord.Kind.SENT, "s1", "q2", 7, ValueHash.sha256Hex("ünïcode ✓")));
    assertThat(summary.records()).isEqualTo(3);
    assertThat(summary.complete()).isTrue();
  }

  @Test
  void sha256MatchesTheKnownDigest() {
    assertThat(ValueHash.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void concurrentWritersLoseNoRecord() throws Exception {
    Path file = dir.resolve("concurrent.acklog");
    int threads = 8;
    int perThread = 5_000;
    try (AckLogWriter writer = AckLogWriter.create(file);
        ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      IntStream.range(0, threads)
          .forEach(
              t ->
                  pool.submit(
                      () -> {
                        for (int i = 0; i < perThread; i++) {
                          writer.acked("s" + t, "q" + i, i, hashB);
                        }
                      }));
      pool.shutdown();
      assertThat(pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    }
    AckLogReader.Summary summary = AckLogReader.read(List.of(file), r -> {});
    assertThat(summary.records()).isEqualTo((long) threads * perThread);
    assertThat(summary.complete()).isTrue();
  }

  @Test
  void aDirectoryIsReadAsOneLogOfAllItsFiles() {
    try (AckLogWriter a = AckLogWriter.create(dir.resolve("shard-0.acklog"));
        AckLogWriter b = AckLogWriter.create(dir.resolve("shard-1.acklog"))) {
      a.acked("s1", "q1", 1, hashB);
      b.acked("s2", "q1", 1, hashB);
    }
    List<String> sessions = new ArrayList<>();
    AckLogReader.Summary summary =
        AckLogReader.read(List.of(dir), r -> sessions.add(r.sessionId()));
    assertThat(sessions).containsExactly("s1", "s2");
    assertThat(summary.files()).hasSize(2);
  }

  @Test
  void aLogWithoutTrailerIsIncomplete() throws IOException {
    Path file = dir.resolve("killed.acklog");
    Files.writeString(file, "# examday-acklog v1\nA\ts1\tq1\t1\t" + hashB + "\n");
    AckLogReader.Summary summary = AckLogReader.read(List.of(file), r -> {});
    assertThat(summary.records()).isEqualTo(1);
    assertThat(summary.complete()).isFalse();
    assertThat(summary.incompleteFiles()).containsExactly(file);
  }

  @Test
  void anEmptyFileIsAnIncompleteLog() throws IOException {
    Path file = dir.resolve("never-flushed.acklog");
    Files.writeString(file, "");
    AckLogReader.Summary summary = AckLogReader.read(List.of(file), r -> {});
    assertThat(summary.records()).isZero();
    assertThat(summary.complete()).isFalse();
  }

  @Test
  void aTornLastLineMakesTheLogIncompleteInsteadOfFailing() throws IOException {
    Path file = dir.resolve("torn.acklog");
    Files.writeString(
        file, "# examday-acklog v1\nA\ts1\tq1\t1\t" + hashB + "\nA\ts1\tq2\t1\t" + "ab");
    List<AckRecord> read = new ArrayList<>();
    AckLogReader.Summary summary = AckLogReader.read(List.of(file), read::add);
    assertThat(read).hasSize(1);
    assertThat(summary.complete()).isFalse();
  }

  @Test
  void aCorruptRecordInTheMiddleIsAnError() throws IOException {
    Path file = dir.resolve("corrupt.acklog");
    Files.writeString(
        file, "# examday-acklog v1\nX\ts1\tq1\t1\t" + hashB + "\nA\ts1\tq2\t1\t" + hashB + "\n");
    assertThatThrownBy(() -> AckLogReader.read(List.of(file), r -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corrupt.acklog:2");
  }

  @Test
  void aFileThatIsNotAnAckLogIsRejected() throws IOException {
    Path file = dir.resolve("other.acklog");
    Files.writeString(file, "hello\n");
    assertThatThrownBy(() -> AckLogReader.read(List.of(file), r -> {}))
        .hasMessageContaining("not an examday ack log");
  }

  @Test
  void fieldsThatWouldBreakTheFormatAreRefused() {
    assertThatThrownBy(() -> new AckRecord(AckRecord.Kind.SENT, "s\t1", "q1", 1, hashB))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AckRecord(AckRecord.Kind.SENT, "s1", "q1", 1, "not-a-hash"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
