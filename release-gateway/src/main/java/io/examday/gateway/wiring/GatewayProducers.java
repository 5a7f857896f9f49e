package io.examday.gateway.wiring;

import com.google.cloud.spanner.Spanner;
import io.examday.common.spanner.SpannerConnector;
import io.examday.common.spanner.SpannerSettings;
import io.examday.common.spanner.SpannerTimeouts;
import io.examday.common.token.Ed25519Keys;
import io.examday.common.token.SessionTokenVerifier;
import io.examday.gateway.config.GatewayConfig;
import io.examday.gateway.exam.SpannerExams;
import io.examday.gateway.live.LiveGateway;
import io.examday.gateway.live.LiveMetrics;
import io.examday.gateway.live.LiveServer;
import io.examday.gateway.live.LiveSettings;
import io.examday.gateway.paper.PaperService;
import io.examday.gateway.paper.PaperStore;
import io.examday.gateway.pubsub.GatewayEvents;
import io.examday.gateway.pubsub.PubSubSettings;
import io.examday.gateway.release.MfaPolicy;
import io.examday.gateway.release.ReleaseService;
import io.examday.gateway.vault.VaultPaperKeys;
import io.examday.gateway.vault.VaultSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Builds the framework-free parts of the gateway from the one configuration root. */
public final class GatewayProducers {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  SessionTokenVerifier sessionTokens(GatewayConfig config, Clock clock) {
    GatewayConfig.SessionTokens tokens = config.sessionTokens();
    return new SessionTokenVerifier(
        Map.of(
            tokens.keyId(),
            Ed25519Keys.publicKeyFromPem(Ed25519Keys.read(Path.of(tokens.publicKeyFile())))),
        clock,
        tokens.leeway());
  }

  @Produces
  @Singleton
  Spanner spanner(GatewayConfig config) {
    return SpannerConnector.open(
        spannerSettings(config),
        options -> SpannerTimeouts.bound(options, config.spanner().timeout()));
  }

  void closeSpanner(@Disposes Spanner spanner) {
    spanner.close();
  }

  @Produces
  @Singleton
  SpannerExams exams(Spanner spanner, GatewayConfig config) {
    return new SpannerExams(SpannerConnector.client(spanner, spannerSettings(config)));
  }

  @Produces
  @Singleton
  VaultPaperKeys paperKeys(GatewayConfig config) {
    GatewayConfig.Vault vault = config.vault();
    return new VaultPaperKeys(
        new VaultSettings(
            vault.address(),
            vault.namespace(),
            vault.mount(),
            vault.pathPrefix(),
            vault.auth(),
            vault.token(),
            vault.kubernetesRole(),
            vault.kubernetesJwtFile(),
            vault.kubernetesMount(),
            vault.approleRoleId(),
            vault.approleSecretIdFile(),
            vault.approleMount(),
            vault.timeout()));
  }

  @Produces
  @Singleton
  PaperStore paperStore(GatewayConfig config) {
    return new PaperStore(Path.of(config.papers().directory()));
  }

  @Produces
  @Singleton
  PaperService papers(
      SpannerExams exams, VaultPaperKeys keys, PaperStore store, GatewayConfig config) {
    return new PaperService(
        exams, exams, keys, store, config.papers().maxBytes(), config.papers().urlPrefix());
  }

  /** The candidate sockets' own Vert.x: event loops shared with nothing else, no metrics SPI. */
  @Produces
  @Singleton
  LiveVertx liveVertx(GatewayConfig config) {
    return new LiveVertx(LiveServer.newVertx(config.live().eventLoops()));
  }

  void closeLiveVertx(@Disposes LiveVertx live) {
    live.vertx().close().toCompletionStage().toCompletableFuture().join();
  }

  @Produces
  @Singleton
  LiveSettings liveSettings(GatewayConfig config) {
    GatewayConfig.Live live = config.live();
    return new LiveSettings(
        live.maxFrameBytes(),
        live.writeQueueBytes(),
        live.heartbeatInterval(),
        live.idleTimeout(),
        live.sweepInterval(),
        live.releasePollInterval(),
        live.releaseWatchInterval(),
        live.releaseWatchWindow(),
        live.warningMinutes(),
        live.examLoadTimeout(),
        live.drainPeriod());
  }

  @Produces
  @Singleton
  LiveGateway live(
      LiveVertx liveVertx,
      LiveSettings settings,
      SessionTokenVerifier verifier,
      SpannerExams exams,
      VaultPaperKeys keys,
      Clock clock,
      MeterRegistry meters) {
    return new LiveGateway(
        liveVertx.vertx(), settings, verifier, exams, keys, clock, new LiveMetrics(meters));
  }

  @Produces
  @Singleton
  GatewayEvents events(GatewayConfig config, Clock clock, MeterRegistry meters) {
    GatewayConfig.PubSub pubsub = config.pubsub();
    return new GatewayEvents(
        new PubSubSettings(
            pubsub.project(),
            pubsub.emulatorHost(),
            pubsub.releasesTopic(),
            pubsub.sessionEventsTopic(),
            pubsub.broadcastsTopic(),
            pubsub.subscriptionPrefix(),
            pubsub.instanceName() + "-" + UUID.randomUUID().toString().substring(0, 8),
            pubsub.createTopics(),
            pubsub.subscriptionExpiry(),
            pubsub.publishTimeout()),
        clock,
        meters);
  }

  void closeEvents(@Disposes GatewayEvents events) {
    events.close();
  }

  @Produces
  @Singleton
  ReleaseService releases(
      SpannerExams exams,
      VaultPaperKeys keys,
      GatewayEvents events,
      LiveGateway live,
      GatewayConfig config,
      Clock clock,
      Tracer tracer) {
    return new ReleaseService(
        exams,
        exams,
        keys,
        events,
        live,
        new MfaPolicy(config.proctor().mfaMaxAge()),
        clock,
        tracer);
  }

  private static SpannerSettings spannerSettings(GatewayConfig config) {
    GatewayConfig.Spanner spanner = config.spanner();
    return new SpannerSettings(
        spanner.project(), spanner.instance(), spanner.database(), spanner.emulatorHost());
  }
}
