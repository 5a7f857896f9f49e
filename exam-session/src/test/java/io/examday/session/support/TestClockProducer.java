package io.examday.session.support;

import io.examday.common.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** Replaces the system clock in tests with one {@link MutableClock}, starting at real now. */
public class TestClockProducer {

  public static final MutableClock CLOCK = new MutableClock(Instant.now());

  @Produces
  @Alternative
  @Priority(1)
  @Singleton
  Clock clock() {
    return CLOCK;
  }
}
