package io.examday.gateway.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides which time warning (if any) a candidate is due, from their own deadline. Warnings are
 * tracked as a bit mask per candidate (bit i = the i-th threshold was sent), so the sweep keeps no
 * timer per connection. Pure.
 */
public final class WarningSchedule {

  /** The result when no warning is due. */
  public static final int NONE = -1;

  /**
   * How long after its mark a warning is still worth sending. A candidate who connects (or
   * reconnects, or is resumed) later than that would read "15 minutes left" with 10 left: the
   * threshold counts as sent and no frame goes out.
   */
  static final Duration LATE_SLACK = Duration.ofMinutes(1);

  private final int[] minutes;

  /**
   * @param warningMinutes thresholds in minutes before the deadline, e.g. 15, 5, 1
   */
  public WarningSchedule(List<Integer> warningMinutes) {
    this.minutes =
        warningMinutes.stream().mapToInt(Integer::intValue).sorted().toArray(); // ascending
    if (minutes.length > Integer.SIZE - 1) {
      throw new IllegalArgumentException("too many warning thresholds");
    }
  }

  /**
   * The index of the most urgent threshold crossed and not yet sent, or {@link #NONE}. Only the
   * most urgent counts: a candidate who connects 4 min 30 s before the end gets "5", not "15"; one
   * who connects 3 minutes before it gets nothing until "1" ({@link #isLate}).
   */
  public int due(Instant deadline, Instant now, int sentMask) {
    Duration left = Duration.between(now, deadline);
    if (left.isNegative() || left.isZero()) {
      return NONE;
    }
    for (int i = 0; i < minutes.length; i++) {
      if (left.compareTo(Duration.ofMinutes(minutes[i])) <= 0) {
        return (sentMask & (1 << i)) != 0 ? NONE : i;
      }
    }
    return NONE;
  }

  /**
   * Whether warning {@code index}, due now, is past its mark by more than {@link #LATE_SLACK}: then
   * it is marked sent without a frame, since its "minutes left" would no longer be true.
   */
  public boolean isLate(int index, Instant deadline, Instant now) {
    Duration left = Duration.between(now, deadline);
    return left.compareTo(Duration.ofMinutes(minutes[index]).minus(LATE_SLACK)) < 0;
  }

  /** The mask after sending warning {@code index}: it and every less urgent one count as sent. */
  public int markSent(int sentMask, int index) {
    int mask = sentMask;
    for (int i = index; i < minutes.length; i++) {
      mask |= 1 << i;
    }
    return mask;
  }

  /**
   * The mask after the deadline moved: thresholds that now lie in the future are planned again, so
   * an extension brings back the warnings it postponed.
   */
  public int replan(Instant deadline, Instant now, int sentMask) {
    Duration left = Duration.between(now, deadline);
    int mask = sentMask;
    for (int i = 0; i < minutes.length; i++) {
      if (left.compareTo(Duration.ofMinutes(minutes[i])) > 0) {
        mask &= ~(1 << i);
      }
    }
    return mask;
  }

  /** How long before a deadline the first (least urgent) warning falls. */
  public Duration longestLead() {
    return Duration.ofMinutes(minutes.length == 0 ? 0 : minutes[minutes.length - 1]);
  }

  public int minutesAt(int index) {
    return minutes[index];
  }
}
