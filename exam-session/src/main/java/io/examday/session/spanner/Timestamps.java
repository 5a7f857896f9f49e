package io.examday.session.spanner;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.StructReader;
import java.time.Instant;
import java.util.Optional;

/** Conversions between Spanner timestamps and {@link Instant}. */
public final class Timestamps {

  private Timestamps() {}

  public static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  public static Timestamp timestamp(Instant instant) {
    return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }

  public static Optional<Instant> optional(StructReader row, String column) {
    return row.isNull(column) ? Optional.empty() : Optional.of(instant(row.getTimestamp(column)));
  }
}
