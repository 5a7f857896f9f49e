package io.examday.common.spanner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.spanner.SpannerOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpannerTimeoutsTest {

  @Test
  void everyDataCallEndsWithinTheTimeoutRetriesIncluded() {
    SpannerOptions.Builder options = SpannerOptions.newBuilder().setProjectId("p");
    var stub = options.getSpannerStubSettingsBuilder();
    assertThat(stub.commitSettings().getRetrySettings().getTotalTimeoutDuration())
        .as("the client's own default, which this bounds")
        .isGreaterThan(Duration.ofMinutes(1));

    SpannerTimeouts.bound(options, Duration.ofSeconds(10));

    List<RetrySettings> calls =
        List.of(
            stub.commitSettings().getRetrySettings(),
            stub.beginTransactionSettings().getRetrySettings(),
            stub.rollbackSettings().getRetrySettings(),
            stub.executeSqlSettings().getRetrySettings(),
            stub.readSettings().getRetrySettings(),
            stub.executeBatchDmlSettings().getRetrySettings(),
            stub.executeStreamingSqlSettings().getRetrySettings(),
            stub.streamingReadSettings().getRetrySettings());
    for (RetrySettings call : calls) {
      assertThat(call.getTotalTimeoutDuration()).isEqualTo(Duration.ofSeconds(10));
      assertThat(call.getInitialRpcTimeoutDuration()).isLessThanOrEqualTo(Duration.ofSeconds(10));
      assertThat(call.getMaxRpcTimeoutDuration()).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }
  }

  @Test
  void aShorterPerAttemptTimeoutIsKept() {
    SpannerOptions.Builder options = SpannerOptions.newBuilder().setProjectId("p");
    var stub = options.getSpannerStubSettingsBuilder();
    Duration before = stub.beginTransactionSettings().getRetrySettings().getMaxRpcTimeoutDuration();

    SpannerTimeouts.bound(options, Duration.ofHours(2));

    assertThat(stub.beginTransactionSettings().getRetrySettings().getMaxRpcTimeoutDuration())
        .isEqualTo(before);
    assertThat(stub.commitSettings().getRetrySettings().getTotalTimeoutDuration())
        .isEqualTo(Duration.ofHours(2));
  }
}
