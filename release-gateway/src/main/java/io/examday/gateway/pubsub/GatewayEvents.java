package io.examday.gateway.pubsub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.core.ApiFuture;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.examday.gateway.exam.ReleaseRecord;
import io.examday.gateway.live.LiveGateway;
import io.examday.gateway.release.ReleaseAnnouncer;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The gateway's Pub/Sub side: publishes releases and broadcasts, and feeds the three topics into
 * {@link LiveGateway} through subscriptions of its own (one per instance, so every instance sees
 * every event). On the emulator it builds a plaintext channel itself: the Java client ignores
 * {@code PUBSUB_EMULATOR_HOST}.
 */
public final class GatewayEvents implements ReleaseAnnouncer, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GatewayEvents.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The client refuses a shorter total retry timeout. */
  private static final Duration MIN_RETRY_TOTAL = Duration.ofSeconds(10);

  /** Each step of {@link #close()} takes at most this long. */
  static final Duration CLOSE_STEP = Duration.ofSeconds(3);

  private final PubSubSettings settings;
  private final Clock clock;
  private final MeterRegistry meters;
  private final ManagedChannel emulatorChannel;
  private final TransportChannelProvider channels;
  private final CredentialsProvider credentials;
  private final Publisher releases;
  private final Publisher broadcasts;
  private final List<Subscriber> subscribers = new ArrayList<>();
  private final List<String> ownSubscriptions = new ArrayList<>();

  public GatewayEvents(PubSubSettings settings, Clock clock, MeterRegistry meters) {
    this.settings = settings;
    this.clock = clock;
    this.meters = meters;
    if (settings.emulatorHost().isPresent()) {
      emulatorChannel =
          ManagedChannelBuilder.forTarget(settings.emulatorHost().get()).usePlaintext().build();
      channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(emulatorChannel));
      credentials = NoCredentialsProvider.create();
    } else {
      emulatorChannel = null;
      channels = TopicAdminSettings.defaultTransportChannelProvider();
      credentials = TopicAdminSettings.defaultCredentialsProviderBuilder().build();
    }
    if (settings.createTopics()) {
      ensureTopics();
    }
    releases = publisher(settings.releasesTopic());
    broadcasts = publisher(settings.broadcastsTopic());
  }

  /** Subscribes this instance to releases, session events and broadcasts. */
  public void subscribe(LiveGateway live) {
    subscribe(
        settings.releasesTopic(),
        Events.Release.class,
        e ->
            live.onRelease(
                new ReleaseRecord(
                    e.examId(),
                    Instant.parse(e.releasedAt()),
                    e.releasedBy(),
                    false,
                    e.paperDigest()),
                "pubsub"));
    subscribe(
        settings.sessionEventsTopic(),
        Events.Session.class,
        e -> live.onSessionEvent(e.examId(), e.sessionId(), e.record()));
    subscribe(
        settings.broadcastsTopic(),
        Events.Broadcast.class,
        e -> live.broadcast(e.examId(), e.message(), Instant.parse(e.sentAt())));
  }

  @Override
  public boolean announce(ReleaseRecord release) {
    return publish(
        releases,
        new Events.Release(
            release.examId(),
            release.releasedAt().toString(),
            release.releasedBy(),
            release.paperDigest()));
  }

  public boolean publishBroadcast(Events.Broadcast broadcast) {
    return publish(broadcasts, broadcast);
  }

  private boolean publish(Publisher publisher, Record event) {
    try {
      ApiFuture<String> id =
          publisher.publish(
              PubsubMessage.newBuilder()
                  .setData(ByteString.copyFrom(JSON.writeValueAsBytes(event)))
                  .build());
      id.get(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (IOException | ExecutionException | TimeoutException e) {
      LOG.warnf(
          "publish to %s failed: %s", publisher.getTopicNameString(), e.getClass().getSimpleName());
      return false;
    }
  }

  private <T> void subscribe(String topic, Class<T> type, Consumer<T> handler) {
    String subscription = settings.subscription(topic);
    ensureSubscription(topic, subscription);
    Timer lag =
        Timer.builder("examday.gateway.pubsub.lag")
            .description("From publish to receipt by this instance")
            .tag("topic", topic)
            .register(meters);
    Subscriber subscriber =
        Subscriber.newBuilder(
                ProjectSubscriptionName.of(settings.project(), subscription),
                (PubsubMessage message, AckReplyConsumer reply) -> {
                  Instant published =
                      Instant.ofEpochSecond(
                          message.getPublishTime().getSeconds(),
                          message.getPublishTime().getNanos());
                  lag.record(Duration.between(published, clock.instant()).abs());
                  try {
                    handler.accept(JSON.readValue(message.getData().toByteArray(), type));
                  } catch (IOException | RuntimeException e) {
                    // A bad message must not be redelivered forever: drop it, say so.
                    LOG.warnf(
                        "dropped an unreadable %s message: %s",
                        topic, e.getClass().getSimpleName());
                  }
                  reply.ack();
                })
            .setChannelProvider(channels)
            .setCredentialsProvider(credentials)
            .build();
    subscriber.startAsync().awaitRunning();
    subscribers.add(subscriber);
  }

  private Publisher publisher(String topic) {
    try {
      // Retrying longer than the publish timeout is pointless: by then gateways have learned the
      // release by polling Spanner; and a bounded retry keeps shutdown bounded too.
      return Publisher.newBuilder(TopicName.of(settings.project(), topic))
          .setRetrySettings(
              RetrySettings.newBuilder()
                  .setInitialRetryDelayDuration(Duration.ofMillis(100))
                  .setRetryDelayMultiplier(2)
                  .setMaxRetryDelayDuration(Duration.ofSeconds(1))
                  .setInitialRpcTimeoutDuration(settings.publishTimeout())
                  .setRpcTimeoutMultiplier(1)
                  .setMaxRpcTimeoutDuration(settings.publishTimeout())
                  .setTotalTimeoutDuration(max(settings.publishTimeout(), MIN_RETRY_TOTAL))
                  .build())
          .setChannelProvider(channels)
          .setCredentialsProvider(credentials)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void ensureTopics() {
    try (TopicAdminClient admin =
        TopicAdminClient.create(
            TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(channels)
                .setCredentialsProvider(credentials)
                .build())) {
      for (String topic :
          List.of(
              settings.releasesTopic(),
              settings.sessionEventsTopic(),
              settings.broadcastsTopic())) {
        try {
          admin.createTopic(TopicName.of(settings.project(), topic));
        } catch (AlreadyExistsException exists) {
          // idempotent
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SubscriptionAdminClient subscriptionAdmin() throws IOException {
    return SubscriptionAdminClient.create(
        SubscriptionAdminSettings.newBuilder()
            .setTransportChannelProvider(channels)
            .setCredentialsProvider(credentials)
            .build());
  }

  private void ensureSubscription(String topic, String subscription) {
    try (SubscriptionAdminClient admin = subscriptionAdmin()) {
      admin.createSubscription(
          Subscription.newBuilder()
              .setName(ProjectSubscriptionName.of(settings.project(), subscription).toString())
              .setTopic(TopicName.of(settings.project(), topic).toString())
              .setAckDeadlineSeconds(10)
              .setExpirationPolicy(
                  ExpirationPolicy.newBuilder()
                      .setTtl(
                          com.google.protobuf.Duration.newBuilder()
                              .setSeconds(settings.subscriptionExpiry().toSeconds())))
              .build());
      ownSubscriptions.add(subscription);
    } catch (AlreadyExistsException exists) {
      ownSubscriptions.add(subscription);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Duration max(Duration x, Duration y) {
    return x.compareTo(y) >= 0 ? x : y;
  }

  /**
   * Stops subscribing, deletes this instance's subscriptions and sends what is batched, each step
   * bounded ({@link #CLOSE_STEP}): with Pub/Sub unreachable the subscription deletion alone waited
   * 44 s here, so a stopping pod would outlast its grace period and be killed mid-close.
   */
  @Override
  public void close() {
    subscribers.forEach(Subscriber::stopAsync);
    long deadline = System.nanoTime() + CLOSE_STEP.toNanos();
    for (Subscriber subscriber : subscribers) {
      try {
        subscriber.awaitTerminated(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | IllegalStateException e) {
        LOG.debugf("subscriber left running: %s", e.getClass().getSimpleName());
      }
    }
    bounded(this::deleteOwnSubscriptions, CLOSE_STEP, "subscriptions left to expire");
    for (Publisher publisher : List.of(releases, broadcasts)) {
      // shutdown() waits for unsent messages; with Pub/Sub down that is the whole retry window.
      bounded(
          publisher::shutdown,
          settings.publishTimeout(),
          "publisher " + publisher.getTopicNameString() + " closed with messages unsent");
    }
    if (emulatorChannel != null) {
      emulatorChannel.shutdownNow();
    }
  }

  private void deleteOwnSubscriptions() {
    try (SubscriptionAdminClient admin = subscriptionAdmin()) {
      for (String subscription : ownSubscriptions) {
        admin.deleteSubscription(ProjectSubscriptionName.of(settings.project(), subscription));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a closing step for at most the given time; a step that fails or overruns is left, on a
   * daemon thread of its own (on the shared pool a hung step would hold one of its few threads).
   */
  private static void bounded(Runnable step, Duration limit, String whenLeft) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("pubsub-close")
        .start(
            () -> {
              try {
                step.run();
                done.complete(null);
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              }
            });
    try {
      done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debugf("%s (%s)", whenLeft, e.getClass().getSimpleName());
    }
  }
}
