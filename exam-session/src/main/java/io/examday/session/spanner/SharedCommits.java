package io.examday.session.spanner;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.Mutation;
import io.examday.common.error.ExamdayException;
import io.examday.session.error.SessionError;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Blind, idempotent writes that may share one Spanner commit with other requests' writes (the
 * autosaves' group commit). For writes that must not wait behind, or queue in front of, thousands
 * of single-row commits: a candidate's submit.
 */
public interface SharedCommits {

  /** Commits the mutations, possibly together with others'; completes with the commit time. */
  CompletableFuture<Timestamp> commitShared(List<Mutation> mutations);

  /**
   * As {@link #commitShared}, waiting for the commit (call it from a virtual thread). A Spanner
   * failure is thrown as it was; no commit in time is STORAGE_UNAVAILABLE.
   */
  default Timestamp commitSharedAndWait(List<Mutation> mutations) {
    return Awaits.await(commitShared(mutations), SharedCommits::unavailable);
  }

  private static ExamdayException unavailable(Throwable cause) {
    return new ExamdayException(
        SessionError.STORAGE_UNAVAILABLE,
        "Not saved: storage did not answer in time; retry the same request.",
        cause);
  }
}
