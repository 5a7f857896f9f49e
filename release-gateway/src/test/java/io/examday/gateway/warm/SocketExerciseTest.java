package io.examday.gateway.warm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.examday.gateway.live.LiveSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SocketExerciseTest {

  private final SocketExercise exercise =
      new SocketExercise(
          2,
          new LiveSettings(
              4096,
              16 * 1024,
              Duration.ofSeconds(25),
              Duration.ofSeconds(60),
              Duration.ofSeconds(1),
              Duration.ofHours(1),
              Duration.ofHours(1),
              Duration.ofMinutes(2),
              List.of(15, 5, 1),
              Duration.ofSeconds(5),
              Duration.ZERO),
          Clock.systemUTC());

  @Test
  void everySocketGetsItsHelloAndTheThrowawayServerIsClosedAfterwards() throws Exception {
    SocketExercise.Report report = exercise.run(300, 16, Duration.ofMinutes(1));

    assertThat(report.sockets()).isEqualTo(300);
    assertThat(report.hellos()).isEqualTo(300);
    assertThat(report.port()).isPositive();
    assertThat(refusesConnections(report.port())).isTrue();
  }

  @Test
  void anExerciseThatOutlastsItsTimeOutFailsAndStillClosesItsServer() {
    assertThatThrownBy(() -> exercise.run(300, 16, Duration.ofMillis(1)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("time-out");
  }

  private static boolean refusesConnections(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return false;
    } catch (IOException refused) {
      return true;
    }
  }
}
