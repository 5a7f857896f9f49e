package io.examday.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of exam-session, under {@code examday.*} (env: {@code EXAMDAY_*}). */
@ConfigMapping(prefix = "examday")
public interface ExamSessionConfig {

  SpannerConfig spanner();

  RedisConfig redis();

  SessionTokenConfig sessionToken();

  LoginConfig login();

  AutosaveConfig autosave();

  ExamsConfig exams();

  CloserConfig closer();

  WarmConfig warm();

  StartupExerciseConfig startupExercise();

  PubsubConfig pubsub();

  /** Where the answer of record lives. */
  interface SpannerConfig {
    /** GCP project of the Spanner instance. */
    @WithDefault("examday-local")
    String project();

    /** Spanner instance id. */
    @WithDefault("examday")
    String instance();

    /** Database id. */
    @WithDefault("examday")
    String database();

    /** host:port of the Spanner emulator; unset for real Spanner. */
    Optional<String> emulatorHost();

    /** Apply the schema migrations at start-up (local and tests; production runs them in CD). */
    @WithDefault("false")
    boolean migrateOnStart();

    /**
     * Longest a read, query or commit may take, retries included (the client's default is an hour):
     * when Spanner is unreachable a request gets 503 and a group commit gives way to the next
     * batch, instead of a thread waiting on it for an hour.
     */
    @WithDefault("PT10S")
    Duration timeout();
  }

  /** Hot state (Memorystore in production). */
  interface RedisConfig {
    /** Redis URL, e.g. redis://127.0.0.1:6379. */
    @WithDefault("redis://127.0.0.1:6379")
    String url();

    /**
     * Seed nodes ({@code host:port}) of a Redis Cluster, e.g. Memorystore for Redis Cluster's
     * discovery endpoint; when set, the hot state is spread over the cluster's shards and {@link
     * #url()} is not used. Unset: one Redis at {@link #url()}.
     */
    Optional<List<String>> clusterNodes();

    /**
     * TLS to the cluster's nodes (Memorystore in-transit encryption); its CA in the trust store.
     */
    @WithDefault("false")
    boolean clusterTls();

    /**
     * How connections to the cluster authenticate: {@code NONE}, or {@code IAM} (Memorystore for
     * Redis Cluster's IAM auth: an access token of the pod's service account on each new
     * connection).
     */
    @WithDefault("NONE")
    ClusterAuth clusterAuth();

    /** How a connection to a Redis Cluster authenticates. */
    enum ClusterAuth {
      NONE,
      IAM
    }

    /**
     * Largest number of pooled connections per pod. Requests other than autosaves run on virtual
     * threads, so this, not a thread pool, bounds how many talk to Redis at once; autosaves' checks
     * use {@link #pipelineSenders()} of them.
     */
    @WithDefault("256")
    int maxConnections();

    /** How long a session's hot state is kept after its last change. */
    @WithDefault("PT12H")
    Duration hotStateTtl();

    /**
     * Threads sending autosaves' hot-state checks to Redis as pipelines, each with one pipeline out
     * at a time (so this many connections of the pool).
     */
    @WithDefault("2")
    int pipelineSenders();

    /** Most hot-state checks sent in one pipeline. */
    @WithDefault("256")
    int pipelineMaxCalls();
  }

  /** Candidate session tokens (Ed25519). */
  interface SessionTokenConfig {
    /** PEM file with the Ed25519 private key (PKCS#8) that signs tokens. */
    String privateKey();

    /** PEM file with the matching public key. */
    String publicKey();

    /** Key id written in the token header; change it when rotating keys. */
    @WithDefault("local-1")
    String keyId();

    /** Token lifetime; clients refresh before it ends. */
    @WithDefault("PT30M")
    Duration ttl();

    /** Clock skew tolerated on expiry. */
    @WithDefault("PT5S")
    Duration leeway();

    /** How many verified tokens are remembered, so a signature is checked once per token. */
    @WithDefault("500000")
    long verifiedCacheSize();
  }

  /** Candidate login. */
  interface LoginConfig {
    /** Server-side secret mixed into access-code hashes (from Vault or a Secret in production). */
    String pepper();

    /** Failed attempts allowed per roll number within {@link #attemptWindow()}. */
    @WithDefault("10")
    int maxFailedAttempts();

    /** Window of the failed-attempt limit. */
    @WithDefault("PT5M")
    Duration attemptWindow();
  }

  /** Autosave and the group commit. */
  interface AutosaveConfig {
    /** Largest accepted answer value, in bytes (UTF-8). */
    @WithDefault("65536")
    int maxAnswerBytes();

    /** Largest number of answers in one save request. */
    @WithDefault("100")
    int maxAnswersPerRequest();

    GroupCommitConfig groupCommit();
  }

  /** Many candidates' saves share one Spanner commit. */
  interface GroupCommitConfig {
    /** false: one Spanner commit per save request (the naive mode the benchmark compares to). */
    @WithDefault("true")
    boolean enabled();

    /** Most save requests in one commit. */
    @WithDefault("500")
    int maxSaves();

    /** Longest a save waits for others to join its commit. */
    @WithDefault("PT0.002S")
    Duration maxWait();

    /** Commits in flight at once. */
    @WithDefault("4")
    int flushers();

    /** Spanner throughput-optimized writes (max_commit_delay); unset on the emulator. */
    Optional<Duration> maxCommitDelay();

    /**
     * Most saves waiting for a commit; more are refused at once (503, retryable). Reached only when
     * Spanner stalls: in normal operation a few hundred wait.
     */
    @WithDefault("20000")
    int maxQueued();

    /**
     * A save that waited longer for its commit is refused instead of committed: its request has
     * been told to retry (after 20 s) or is about to be.
     */
    @WithDefault("PT15S")
    Duration maxQueueAge();
  }

  /** Exam metadata cache. */
  interface ExamsConfig {
    /** How often an exam not yet released is re-read (release is seen at most this late). */
    @WithDefault("PT1S")
    Duration unreleasedRefresh();

    /** How long per-question answered counts are served from cache. */
    @WithDefault("PT5S")
    Duration answeredCountsTtl();

    /**
     * How long one pod may take to seed an exam's answered counters from Spanner after Redis lost
     * them; past it another pod may seed instead.
     */
    @WithDefault("PT1M")
    Duration answeredCountsSeedTimeout();
  }

  /** The job that closes overdue sessions. */
  interface CloserConfig {
    /** Run the job on this pod. */
    @WithDefault("true")
    boolean enabled();

    /** How often the job looks for overdue sessions. */
    @WithDefault("PT5S")
    Duration interval();

    /** ACTIVE sessions judged together, and so at most closed per transaction. */
    @WithDefault("200")
    int batchSize();
  }

  /** Staging an exam's logins and sessions in Redis ahead of its start. */
  interface WarmConfig {
    /** Run the scheduled warm-up on this pod (one pod per exam does the work). */
    @WithDefault("true")
    boolean enabled();

    /** Exams starting within this time (or started this long ago, unreleased) are warmed. */
    @WithDefault("PT45M")
    Duration lead();

    /** How often the job looks for exams to warm. */
    @WithDefault("PT1M")
    Duration interval();

    /** Rows per Redis pipeline. */
    @WithDefault("500")
    int batchSize();
  }

  /** The synthetic exam a new pod sits before it becomes ready (warm/StartupExercise). */
  interface StartupExerciseConfig {
    /** Run it; off, the pod is ready as soon as its storage is (and is cold). */
    @WithDefault("true")
    boolean enabled();

    /** Synthetic candidates, all at once. */
    @WithDefault("32")
    int candidates();

    /**
     * Logins per candidate before the release, each followed by a read of the session, as a waiting
     * candidate does. A herd is mostly logins, and the JIT compiles a method fully only after
     * thousands of calls: with one login each, the pod compiled its login path during the herd
     * itself, at the highest login rate of the day (docs/benchmarks.md, rehearsal).
     */
    @WithDefault("150")
    int loginsPerCandidate();

    /** Autosaves per candidate (retries, late retries and batches come on top). */
    @WithDefault("200")
    int savesPerCandidate();

    /** Each phase (log in and wait; sit the exam) must end within this, or the exercise fails. */
    @WithDefault("PT2M")
    Duration timeout();
  }

  /** Session events for release-gateway. */
  interface PubsubConfig {
    /** Publish session events (deadline changes, submits). */
    @WithDefault("false")
    boolean enabled();

    /** GCP project of the topic. */
    @WithDefault("examday-local")
    String project();

    /** Topic id. */
    @WithDefault("examday-session-events")
    String topic();

    /** host:port of the Pub/Sub emulator; unset for real Pub/Sub. */
    Optional<String> emulatorHost();
  }
}
