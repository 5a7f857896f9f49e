package io.examday.gateway.pubsub;

import java.time.Duration;
import java.util.Optional;

/**
 * Pub/Sub topics and this instance's subscriptions.
 *
 * @param project GCP project
 * @param emulatorHost host:port of the emulator; empty for real Pub/Sub
 * @param releasesTopic release events (docs/api.md)
 * @param sessionEventsTopic exam-session's deadline changes and submits
 * @param broadcastsTopic proctor broadcasts to an exam
 * @param subscriptionPrefix prefix of this instance's subscriptions
 * @param instanceId unique per running instance, so every instance gets every event
 * @param createTopics create missing topics at startup (local and tests; Terraform in prod)
 * @param subscriptionExpiry Pub/Sub deletes an instance's subscription this long after the instance
 *     is gone
 * @param publishTimeout how long a publish may take before the release relies on polling
 */
public record PubSubSettings(
    String project,
    Optional<String> emulatorHost,
    String releasesTopic,
    String sessionEventsTopic,
    String broadcastsTopic,
    String subscriptionPrefix,
    String instanceId,
    boolean createTopics,
    Duration subscriptionExpiry,
    Duration publishTimeout) {

  String subscription(String topic) {
    return subscriptionPrefix + "-" + topic + "-" + instanceId;
  }
}
