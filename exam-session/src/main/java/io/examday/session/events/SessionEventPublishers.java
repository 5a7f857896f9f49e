package io.examday.session.events;

import io.examday.session.config.ExamSessionConfig;
import io.examday.session.session.SessionEvents;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Publishes session events on Pub/Sub when enabled; otherwise only logs that it would not. */
public class SessionEventPublishers {

  private static final Logger LOG = Logger.getLogger(SessionEventPublishers.class);

  @Produces
  @Singleton
  SessionEvents events(ExamSessionConfig config, MeterRegistry metrics) {
    if (config.pubsub().enabled()) {
      return new PubSubSessionEvents(config.pubsub(), metrics);
    }
    LOG.info("session events are not published (examday.pubsub.enabled=false)");
    return event -> {};
  }

  /** Sends what is still batched when the pod stops. */
  void close(@Disposes SessionEvents events) {
    if (events instanceof PubSubSessionEvents pubsub) {
      pubsub.close();
    }
  }
}
