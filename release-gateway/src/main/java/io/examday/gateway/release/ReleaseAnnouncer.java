package io.examday.gateway.release;

import io.examday.gateway.exam.ReleaseRecord;

/** Tells every gateway instance about a committed release (Pub/Sub in production). */
public interface ReleaseAnnouncer {

  /**
   * Publishes the release; blocking, bounded by a timeout.
   *
   * @return whether the publish was acknowledged (if not, gateways learn it by polling Spanner)
   */
  boolean announce(ReleaseRecord release);
}
