package io.examday.gateway.config;

import io.examday.gateway.vault.VaultSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** All of release-gateway's configuration ({@code examday.gateway.*}). */
@ConfigMapping(prefix = "examday.gateway")
public interface GatewayConfig {

  /** The candidate WebSocket. */
  Live live();

  /** Candidate session tokens (minted by exam-session). */
  SessionTokens sessionTokens();

  /** Proctor release rules. */
  Proctor proctor();

  /** Where paper keys are kept. */
  Vault vault();

  /** Encrypted paper files. */
  Papers papers();

  /** Pub/Sub topics and subscriptions. */
  PubSub pubsub();

  /** The Spanner database. */
  Spanner spanner();

  /** Candidate sockets opened to a throwaway gateway before this one is ready (warms the JIT). */
  StartupExercise startupExercise();

  /** The start-up exercise ({@code SocketExercise}). */
  interface StartupExercise {
    /** Run it; off, the instance is ready as soon as it listens (and is cold). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Sockets opened, each until its hello. The JIT compiles a method fully only after thousands of
     * calls, and a herd is thousands of socket opens per instance.
     */
    @WithDefault("4000")
    int sockets();

    /** At most this many open at once. */
    @WithDefault("32")
    int concurrency();

    /** The exercise must end within this, or it is abandoned and the instance is ready cold. */
    @WithDefault("PT2M")
    Duration timeout();
  }

  interface Live {
    /**
     * Port of the dedicated candidate-socket server (lean: no per-socket metrics or tracing). The
     * same path is also served on the main HTTP port.
     */
    @WithDefault("8082")
    int port();

    /** Interface the candidate-socket server binds to. */
    @WithDefault("0.0.0.0")
    String host();

    /** Event loops of the candidate-socket server; 0 = two per CPU core. */
    @WithDefault("0")
    int eventLoops();

    /** Largest client frame accepted, in bytes; clients only send tiny pongs. */
    @WithDefault("4096")
    int maxFrameBytes();

    /** Bytes queued on one socket before the client counts as a slow consumer and is closed. */
    @WithDefault("65536")
    int writeQueueBytes();

    /** How often each candidate gets a ping. */
    @WithDefault("25s")
    Duration heartbeatInterval();

    /** A socket silent for this long (no pong) is closed as dead. */
    @WithDefault("75s")
    Duration idleTimeout();

    /** How often the per-exam sweep runs (heartbeats, time warnings). */
    @WithDefault("1s")
    Duration sweepInterval();

    /** How often exams with waiting candidates are checked in Spanner for a missed release. */
    @WithDefault("2s")
    Duration releasePollInterval();

    /**
     * How often, instead, exams from {@link #releaseWatchWindow()} before their scheduled start are
     * checked, so that around T-0 the Spanner poll bounds how late a gateway learns of the release
     * whatever Pub/Sub does (e.g. 200ms). Off by default (the same as the poll): on the shared
     * 2-core benchmark machine it made the 100,000 fan-out slower (docs/benchmarks.md, fanout), so
     * it waits for a measurement on separate nodes.
     */
    @WithDefault("2s")
    Duration releaseWatchInterval();

    /**
     * How long before its scheduled start an unreleased exam begins to be watched; it stays watched
     * until released, up to an hour past the start.
     */
    @WithDefault("2m")
    Duration releaseWatchWindow();

    /** Minutes before each candidate's own deadline at which a warning is pushed. */
    @WithDefault("15,5,1")
    List<Integer> warningMinutes();

    /**
     * How long a new socket may wait for its exam to be read (once per exam and instance: Spanner,
     * and Vault once released). Past it the socket is closed with 1013 TRY_AGAIN_LATER and the next
     * connect reads again, so a hung read never leaves candidates waiting in silence.
     */
    @WithDefault("5s")
    Duration examLoadTimeout();

    /**
     * When the instance stops, its sockets are closed (1001, reconnect elsewhere) in even batches
     * over this long, so the other instances get the reconnects as a trickle (zero: all at once).
     * Must fit in the shutdown: production's preStop 20 s, then 30 s (argocd/release-gateway).
     */
    @WithDefault("10s")
    Duration drainPeriod();
  }

  interface SessionTokens {
    /** PEM file with exam-session's Ed25519 public key. */
    String publicKeyFile();

    /** The key id ({@code kid}) that key signs with. */
    @WithDefault("local-1")
    String keyId();

    /** Clock skew tolerated on token times. */
    @WithDefault("30s")
    Duration leeway();
  }

  interface Proctor {
    /** How recent the proctor's multi-factor login must be to release. */
    @WithDefault("15m")
    Duration mfaMaxAge();
  }

  interface Vault {
    /** Vault's address. */
    String address();

    /** Vault Enterprise namespace. */
    Optional<String> namespace();

    /** The KV v2 mount. */
    @WithDefault("secret")
    String mount();

    /** Folder under the mount for paper keys. */
    @WithDefault("examday/papers")
    String pathPrefix();

    /** Login method: KUBERNETES or APPROLE in production; TOKEN for the local dev-vault. */
    @WithDefault("KUBERNETES")
    VaultSettings.Auth auth();

    /** Static token (TOKEN auth only). */
    Optional<String> token();

    /** Vault role (KUBERNETES auth). */
    Optional<String> kubernetesRole();

    /** The pod's service account token (KUBERNETES auth). */
    @WithDefault("/var/run/secrets/kubernetes.io/serviceaccount/token")
    String kubernetesJwtFile();

    /** Auth mount (KUBERNETES auth). */
    @WithDefault("kubernetes")
    String kubernetesMount();

    /** Role id (APPROLE auth). */
    Optional<String> approleRoleId();

    /** File with the secret id (APPROLE auth). */
    Optional<String> approleSecretIdFile();

    /** Auth mount (APPROLE auth). */
    @WithDefault("approle")
    String approleMount();

    /** Connect and read timeout. */
    @WithDefault("5s")
    Duration timeout();
  }

  interface Papers {
    /** Directory of ciphertext files, served at /papers/{digest} (a CDN origin in production). */
    String directory();

    /** Largest paper accepted, in bytes. */
    @WithDefault("4194304")
    int maxBytes();

    /** URL prefix of paper files in answers. */
    @WithDefault("/papers/")
    String urlPrefix();

    /** Cache-Control of paper files: immutable, content-addressed. */
    @WithDefault("public, max-age=31536000, immutable")
    String cacheControl();
  }

  interface PubSub {
    /** GCP project. */
    String project();

    /** Emulator host:port; unset for real Pub/Sub. */
    Optional<String> emulatorHost();

    /** Release events. */
    @WithDefault("examday-releases")
    String releasesTopic();

    /** exam-session's deadline changes and submits. */
    @WithDefault("examday-session-events")
    String sessionEventsTopic();

    /** Proctor broadcasts. */
    @WithDefault("examday-broadcasts")
    String broadcastsTopic();

    /** Prefix of this instance's subscriptions. */
    @WithDefault("release-gateway")
    String subscriptionPrefix();

    /** This instance's name (the pod name in Kubernetes); a random suffix is added. */
    @WithDefault("local")
    String instanceName();

    /** Create missing topics at startup (local and tests; Terraform owns them in production). */
    @WithDefault("false")
    boolean createTopics();

    /** An instance's subscription is deleted by Pub/Sub this long after the instance is gone. */
    @WithDefault("24h")
    Duration subscriptionExpiry();

    /** How long a release publish may take before the release relies on Spanner polling. */
    @WithDefault("3s")
    Duration publishTimeout();
  }

  interface Spanner {
    /** GCP project. */
    String project();

    /** Spanner instance. */
    String instance();

    /** Database. */
    String database();

    /** Emulator host:port; unset for real Spanner. */
    Optional<String> emulatorHost();

    /**
     * Longest a read, query, transaction or commit may take, retries included (the client's default
     * is an hour): when Spanner is unreachable a release gets a clear 503 and the polls try again,
     * instead of waiting on it.
     */
    @WithDefault("PT10S")
    Duration timeout();
  }
}
