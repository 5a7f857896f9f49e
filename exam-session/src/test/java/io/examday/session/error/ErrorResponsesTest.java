package io.examday.session.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

  @Test
  void anOutagesCauseIsNamedWithItsMessageWhenItHasOne() {
    assertThat(ErrorResponses.cause(null)).isEqualTo("-");
    assertThat(ErrorResponses.cause(new TimeoutException())).isEqualTo("TimeoutException");
    assertThat(ErrorResponses.cause(new IllegalStateException("pool closed")))
        .isEqualTo("IllegalStateException pool closed");
  }
}
