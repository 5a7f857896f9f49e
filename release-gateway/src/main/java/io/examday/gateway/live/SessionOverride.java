package io.examday.gateway.live;

import java.time.Instant;
import java.util.Optional;

/**
 * What exam-session last said about one session (Pub/Sub {@code examday-session-events}).
 *
 * @param deadline the session's deadline now, when known
 * @param submitted whether the session is over
 */
record SessionOverride(Optional<Instant> deadline, boolean submitted) {}
