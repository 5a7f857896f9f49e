package io.examday.gateway.live;

import java.time.Duration;
import java.util.List;

/**
 * The live gateway's tuning, from the service configuration.
 *
 * @param maxFrameBytes largest client frame accepted; larger ones close the socket (1009)
 * @param writeQueueBytes bytes a socket may have queued before it counts as a slow consumer
 * @param heartbeatInterval how often each candidate gets a {@code ping}
 * @param idleTimeout a socket that sent nothing for this long is closed as dead
 * @param sweepInterval how often the per-exam sweep sends pings and time warnings
 * @param releasePollInterval how often exams with waiting candidates are checked in Spanner, in
 *     case a Pub/Sub release event was lost
 * @param releaseWatchInterval how often, instead, exams near or past their scheduled start are
 *     checked (the upper bound on how late a gateway learns of a release around T-0)
 * @param releaseWatchWindow how long before its scheduled start an exam begins to be watched (until
 *     released, up to an hour past the start)
 * @param warningMinutes minutes before each candidate's deadline at which a warning is pushed
 * @param examLoadTimeout how long a socket may wait for its exam to be read (Spanner, and Vault if
 *     released) before it is closed with {@link CloseReason#TRY_AGAIN_LATER}
 * @param drainPeriod when the instance stops, its sockets are closed over this long (zero: at once)
 */
public record LiveSettings(
    int maxFrameBytes,
    int writeQueueBytes,
    Duration heartbeatInterval,
    Duration idleTimeout,
    Duration sweepInterval,
    Duration releasePollInterval,
    Duration releaseWatchInterval,
    Duration releaseWatchWindow,
    List<Integer> warningMinutes,
    Duration examLoadTimeout,
    Duration drainPeriod) {}
