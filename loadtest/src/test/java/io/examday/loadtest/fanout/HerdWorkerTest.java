package io.examday.loadtest.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HerdWorkerTest {

  private static final byte[] RELEASE = "{\"type\":\"release\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEY = "\"key\":\"".getBytes(StandardCharsets.US_ASCII);

  @Test
  void aReleaseFrameWithItsKeyIsRecognisedFromItsBytes() {
    Buffer release =
        Buffer.buffer(
            "{\"type\":\"release\",\"examId\":\"e1\",\"releasedAt\":\"2026-05-16T09:00:00Z\","
                + "\"key\":\"q2Vb=\",\"paperDigest\":\"5c44\",\"deadline\":\"2026-05-16T12:00:00Z\"}");

    assertThat(HerdWorker.startsWith(release, RELEASE)).isTrue();
    assertThat(HerdWorker.contains(release, KEY)).isTrue();
  }

  @Test
  void otherFramesAreNotTakenForTheRelease() {
    Buffer hello = Buffer.buffer("{\"type\":\"hello\",\"state\":\"RELEASED\"}");
    Buffer keyless = Buffer.buffer("{\"type\":\"release\",\"examId\":\"e1\"}");

    assertThat(HerdWorker.startsWith(hello, RELEASE)).isFalse();
    assertThat(HerdWorker.startsWith(Buffer.buffer("{\"type\""), RELEASE)).isFalse();
    assertThat(HerdWorker.contains(keyless, KEY)).isFalse();
  }
}
