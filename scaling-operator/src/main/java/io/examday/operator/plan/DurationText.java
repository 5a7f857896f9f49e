package io.examday.operator.plan;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Kubernetes writes them ("2h", "90m", "1h30m", "45s"), the form CEL's {@code
 * duration()} accepts at admission, so the CRD and the planner agree on what a duration is.
 */
public final class DurationText {

  /** The schema pattern: at least one of hours, minutes, seconds, in that order. */
  public static final String PATTERN = "^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$";

  private static final Pattern PARTS =
      Pattern.compile("^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$");

  private DurationText() {}

  /** Parses {@code text}; throws {@link InvalidScheduleException} naming {@code field}. */
  public static Duration parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidScheduleException(field + " is required");
    }
    Matcher matcher = PARTS.matcher(text.trim());
    if (!matcher.matches()) {
      throw new InvalidScheduleException(
          field + " must look like 2h, 90m, 1h30m or 45s, got '" + text + "'");
    }
    try {
      return Duration.ofHours(number(matcher.group(1)))
          .plusMinutes(number(matcher.group(2)))
          .plusSeconds(number(matcher.group(3)));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new InvalidScheduleException(field + " is too large: '" + text + "'");
    }
  }

  /** The shortest text for {@code duration} in the same notation. */
  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder(seconds < 0 ? "-" : "");
    long abs = Math.abs(seconds);
    appendPart(text, abs / 3600, "h");
    appendPart(text, abs % 3600 / 60, "m");
    appendPart(text, abs % 60, "s");
    return text.toString();
  }

  private static void appendPart(StringBuilder text, long value, String unit) {
    if (value > 0) {
      text.append(value).append(unit);
    }
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
