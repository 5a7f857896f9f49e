package io.examday.common.spanner;

import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ServerStreamingCallSettings;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.cloud.spanner.SpannerOptions;
import java.time.Duration;

/**
 * Bounds the data-plane calls of a Spanner client: reads, queries, transactions and commits, each
 * with its retries, end within one time-out. The client's defaults let a read or a commit retry for
 * up to an hour, so when Spanner is unreachable a request (and a group commit's flusher) would wait
 * that long instead of answering "retry" and moving on. Retry codes and back-off stay the client's.
 */
public final class SpannerTimeouts {

  private SpannerTimeouts() {}

  /** Applies {@code timeout} to every read, query, transaction and commit call. */
  public static void bound(SpannerOptions.Builder options, Duration timeout) {
    var stub = options.getSpannerStubSettingsBuilder();
    bound(stub.commitSettings(), timeout);
    bound(stub.beginTransactionSettings(), timeout);
    bound(stub.rollbackSettings(), timeout);
    bound(stub.executeSqlSettings(), timeout);
    bound(stub.readSettings(), timeout);
    bound(stub.executeBatchDmlSettings(), timeout);
    bound(stub.executeStreamingSqlSettings(), timeout);
    bound(stub.streamingReadSettings(), timeout);
  }

  private static void bound(UnaryCallSettings.Builder<?, ?> call, Duration timeout) {
    call.setRetrySettings(within(call.getRetrySettings(), timeout));
  }

  private static void bound(ServerStreamingCallSettings.Builder<?, ?> call, Duration timeout) {
    call.setRetrySettings(within(call.getRetrySettings(), timeout));
  }

  private static RetrySettings within(RetrySettings settings, Duration timeout) {
    RetrySettings.Builder bounded = settings.toBuilder().setTotalTimeoutDuration(timeout);
    if (settings.getInitialRpcTimeoutDuration().compareTo(timeout) > 0) {
      bounded.setInitialRpcTimeoutDuration(timeout);
    }
    if (settings.getMaxRpcTimeoutDuration().compareTo(timeout) > 0) {
      bounded.setMaxRpcTimeoutDuration(timeout);
    }
    return bounded.build();
  }
}
