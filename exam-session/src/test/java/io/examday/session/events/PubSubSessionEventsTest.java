package io.examday.session.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionStatus;
import io.examday.session.session.SessionEvents;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** exam-session's publisher against the Pub/Sub emulator that ./examday test starts. */
class PubSubSessionEventsTest {

  private static final String PROJECT = "examday-test";

  @Test
  void batchedEventsOfManySessionsAllArriveIntact() throws Exception {
    String host = System.getenv("PUBSUB_EMULATOR_HOST");
    assertThat(host).as("PUBSUB_EMULATOR_HOST (./examday test starts the emulator)").isNotBlank();
    String topic = "session-events-" + UUID.randomUUID();
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    ManagedChannel channel = ManagedChannelBuilder.forTarget(host).usePlaintext().build();
    var channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    try {
      PubSubSessionEvents events = new PubSubSessionEvents(config(host, topic), metrics);
      String subscription = "sub-" + topic;
      try (SubscriptionAdminClient admin =
          SubscriptionAdminClient.create(
              SubscriptionAdminSettings.newBuilder()
                  .setTransportChannelProvider(channels)
                  .setCredentialsProvider(NoCredentialsProvider.create())
                  .build())) {
        admin.createSubscription(
            Subscription.newBuilder()
                .setName("projects/" + PROJECT + "/subscriptions/" + subscription)
                .setTopic("projects/" + PROJECT + "/topics/" + topic)
                .setAckDeadlineSeconds(10)
                .build());
      }
      Set<String> sent = new HashSet<>();
      for (int i = 0; i < 300; i++) {
        String sessionId = "s-" + i;
        sent.add(sessionId);
        events.publish(
            SessionEvents.SessionEvent.changed(
                new SessionFacts(
                    sessionId,
                    "candidate-" + i,
                    "exam-1",
                    SessionStatus.PAUSED,
                    Duration.ZERO,
                    Duration.ofMinutes(10),
                    Duration.ofSeconds(90),
                    Optional.of(Instant.parse("2026-12-02T11:30:00Z")),
                    Optional.empty()),
                Instant.parse("2026-12-02T12:00:00Z"),
                Instant.parse("2026-12-02T11:30:00.123456Z")));
      }
      events.close();

      Set<String> received = new HashSet<>();
      try (GrpcSubscriberStub subscriber =
          GrpcSubscriberStub.create(
              SubscriberStubSettings.newBuilder()
                  .setTransportChannelProvider(channels)
                  .setCredentialsProvider(NoCredentialsProvider.create())
                  .build())) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.size() < sent.size() && System.nanoTime() < deadline) {
          for (ReceivedMessage message :
              subscriber
                  .pullCallable()
                  .call(
                      PullRequest.newBuilder()
                          .setSubscription("projects/" + PROJECT + "/subscriptions/" + subscription)
                          .setMaxMessages(500)
                          .build())
                  .getReceivedMessagesList()) {
            String json = message.getMessage().getData().toStringUtf8();
            // the wire shape docs/api.md gives the gateways: RFC 3339 times, the deadline inputs
            assertThat(json)
                .contains("\"type\":\"DEADLINE_CHANGED\"")
                .contains("\"deadline\":\"2026-12-02T12:00:00Z\"")
                .contains("\"status\":\"PAUSED\"")
                .contains("\"extraSeconds\":600")
                .contains("\"pausedSeconds\":90")
                .contains("\"pausedAt\":\"2026-12-02T11:30:00Z\"")
                .contains("\"updatedAt\":\"2026-12-02T11:30:00.123456Z\"");
            received.add(json.replaceAll(".*\"sessionId\":\"([^\"]+)\".*", "$1"));
          }
        }
      }
      assertThat(received).isEqualTo(sent);
      assertThat(metrics.get("examday.session.events.failed").counter().count()).isZero();
    } finally {
      channel.shutdownNow();
    }
  }

  private static ExamSessionConfig.PubsubConfig config(String host, String topic) {
    return new ExamSessionConfig.PubsubConfig() {
      @Override
      public boolean enabled() {
        return true;
      }

      @Override
      public String project() {
        return PROJECT;
      }

      @Override
      public String topic() {
        return topic;
      }

      @Override
      public Optional<String> emulatorHost() {
        return Optional.of(host);
      }
    };
  }
}
