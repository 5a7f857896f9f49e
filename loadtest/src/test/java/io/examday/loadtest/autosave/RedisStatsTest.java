package io.examday.loadtest.autosave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedisStatsTest {

  private static final String INFO =
      """
      # Server\r
      redis_version:7.0.15\r
      # Stats\r
      total_connections_received:12\r
      total_commands_processed:48213\r
      # CPU\r
      used_cpu_sys:1.250000\r
      used_cpu_user:2.500000\r
      used_cpu_sys_children:9.000000\r
      used_cpu_sys_main_thread:1.000000\r
      """;

  @Test
  void sumsTheProcessCpuOfBothKindsAndReadsTheCommandCount() {
    RedisStats stats = RedisStats.parse(INFO);

    // the children's and the main thread's figures are not added again
    assertThat(stats.cpuSeconds()).isEqualTo(3.75);
    assertThat(stats.commands()).isEqualTo(48_213);
  }

  @Test
  void theDifferenceOfTwoReadingsIsTheWorkBetweenThem() {
    RedisStats work = new RedisStats(5.5, 60_000).minus(new RedisStats(3.75, 48_213));

    assertThat(work.cpuSeconds()).isEqualTo(1.75);
    assertThat(work.commands()).isEqualTo(11_787);
  }

  @Test
  void readsTheBulkStringOfTheReply() throws IOException {
    byte[] reply = ("$" + INFO.length() + "\r\n" + INFO + "\r\n").getBytes(StandardCharsets.UTF_8);

    String body = RedisStats.bulkString(new ByteArrayInputStream(reply), "test");

    assertThat(RedisStats.parse(body).commands()).isEqualTo(48_213);
  }

  @Test
  void anErrorReplyNamesTheServerAndWhatItSaid() {
    byte[] reply = "-NOAUTH Authentication required.\r\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> RedisStats.bulkString(new ByteArrayInputStream(reply), "10.0.0.3:6379"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("10.0.0.3:6379")
        .hasMessageContaining("NOAUTH");
  }
}
