package io.examday.session.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.session.SessionEvents;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Session events on Pub/Sub. On the emulator the topic is created if missing; in production
 * Terraform creates it. Publishing is asynchronous: a gateway that misses an event still shows the
 * right deadline after the candidate's next state read, since exam-session is the authority.
 *
 * <p>Events are batched across sessions (up to {@link #BATCH_EVENTS} per request or {@link
 * #BATCH_DELAY}), without ordering keys. The gateways' subscriptions are not ordered, so a key per
 * session bought no ordering at delivery, yet it made every event its own publish request: at the
 * end of an exam, one request per submitting candidate (the Pub/Sub emulator took 13 % of the
 * machine in the rehearsal's submit wave; docs/benchmarks.md).
 */
final class PubSubSessionEvents implements SessionEvents, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PubSubSessionEvents.class);
  private static final long BATCH_EVENTS = 500;
  private static final long BATCH_BYTES = 256 * 1024;
  private static final Duration BATCH_DELAY = Duration.ofMillis(10);
  private final Publisher publisher;
  private final Counter failures;
  private final ManagedChannel channel;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  PubSubSessionEvents(ExamSessionConfig.PubsubConfig config, MeterRegistry metrics) {
    this.failures =
        Counter.builder("examday.session.events.failed")
            .description("Session events Pub/Sub did not take (gateways catch up on state reads)")
            .register(metrics);
    TopicName topic = TopicName.of(config.project(), config.topic());
    try {
      Publisher.Builder builder =
          Publisher.newBuilder(topic)
              .setBatchingSettings(
                  BatchingSettings.newBuilder()
                      .setElementCountThreshold(BATCH_EVENTS)
                      .setRequestByteThreshold(BATCH_BYTES)
                      .setDelayThresholdDuration(BATCH_DELAY)
                      .build());
      if (config.emulatorHost().isPresent()) {
        channel =
            ManagedChannelBuilder.forTarget(config.emulatorHost().get()).usePlaintext().build();
        var channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
        builder.setChannelProvider(channels).setCredentialsProvider(NoCredentialsProvider.create());
        ensureTopic(topic, channels);
      } else {
        channel = null;
      }
      publisher = builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Pub/Sub publisher", e);
    }
  }

  private static void ensureTopic(TopicName topic, FixedTransportChannelProvider channels)
      throws IOException {
    TopicAdminSettings settings =
        TopicAdminSettings.newBuilder()
            .setTransportChannelProvider(channels)
            .setCredentialsProvider(NoCredentialsProvider.create())
            .build();
    try (TopicAdminClient admin = TopicAdminClient.create(settings)) {
      admin.createTopic(topic);
    } catch (AlreadyExistsException exists) {
      LOG.debugf("topic %s exists", topic.getTopic());
    }
  }

  @Override
  public void publish(SessionEvent event) {
    try {
      ApiFutures.addCallback(
          publisher.publish(
              PubsubMessage.newBuilder()
                  .setData(ByteString.copyFrom(json.writeValueAsBytes(event)))
                  .build()),
          new ApiFutureCallback<String>() {
            @Override
            public void onFailure(Throwable error) {
              failures.increment();
              LOG.warnf("session event %s not published: %s", event.type(), error.toString());
            }

            @Override
            public void onSuccess(String messageId) {}
          },
          Runnable::run);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    publisher.shutdown(); // sends what is batched
    try {
      publisher.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (channel != null) {
      channel.shutdown();
    }
  }
}
