package io.examday.session.session;

import io.examday.common.error.ExamdayException;
import io.examday.session.autosave.AnswerStore;
import io.examday.session.domain.SessionFacts;
import io.examday.session.error.SessionError;
import io.examday.session.hotstate.DurableAnswer;
import io.examday.session.hotstate.HotStateStore;
import io.examday.session.infra.Batcher;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds sessions' hot state from Spanner in batches. When Redis loses everything (a flush, a
 * failover without replication), every candidate's next request finds its session missing at once;
 * one rebuild each would be several Spanner reads per candidate in the same seconds. Here the
 * sessions missing at the same moment share three reads (their rows, their candidates'
 * accommodations, their newest answers) and one Redis pipeline, up to {@code MAX_BATCH} at a time,
 * and concurrent requests of one session share its rebuild.
 */
@Singleton
public class SessionRebuilds {

  static final int MAX_BATCH = 500;

  private final SessionStore sessions;
  private final AnswerStore answers;
  private final HotStateStore hot;
  private final DistributionSummary batchSizes;
  private final Map<String, CompletableFuture<SessionFacts>> pending = new ConcurrentHashMap<>();
  private final Batcher<String> batcher;

  public SessionRebuilds(
      SessionStore sessions, AnswerStore answers, HotStateStore hot, MeterRegistry metrics) {
    this.sessions = sessions;
    this.answers = answers;
    this.hot = hot;
    this.batchSizes =
        DistributionSummary.builder("examday.session.rebuild.batch.sessions")
            .description("Sessions whose hot state one batched rebuild read from Spanner")
            .register(metrics);
    this.batcher =
        new Batcher<>("session-rebuild", 2, MAX_BATCH, Duration.ofMillis(2), this::rebuildAll);
  }

  /**
   * The session's facts as stored in Spanner, once its hot state is loaded (a no-op where Redis has
   * it already). Fails with UNKNOWN_SESSION for a session that does not exist.
   */
  public CompletableFuture<SessionFacts> rebuild(String sessionId) {
    CompletableFuture<SessionFacts> mine = new CompletableFuture<>();
    CompletableFuture<SessionFacts> shared = pending.putIfAbsent(sessionId, mine);
    if (shared != null) {
      return shared;
    }
    if (batcher.offer(sessionId) != Batcher.Offer.QUEUED) {
      pending.remove(sessionId, mine);
      mine.completeExceptionally(
          new ExamdayException(
              SessionError.STORAGE_UNAVAILABLE,
              "This server is shutting down; retry the same request."));
    }
    return mine;
  }

  private void rebuildAll(List<String> queued) {
    List<String> ids = List.copyOf(queued);
    batchSizes.record(ids.size());
    try {
      Map<String, SessionFacts> found = sessions.findAll(ids);
      Map<String, List<DurableAnswer>> latest = answers.latestDigests(found.keySet());
      hot.loadAll(List.copyOf(found.values()), latest);
      for (String id : ids) {
        CompletableFuture<SessionFacts> waiting = pending.remove(id);
        SessionFacts facts = found.get(id);
        if (facts != null) {
          waiting.complete(facts);
        } else {
          waiting.completeExceptionally(
              new ExamdayException(SessionError.UNKNOWN_SESSION, "This session does not exist."));
        }
      }
    } catch (RuntimeException e) {
      ids.forEach(id -> pending.remove(id).completeExceptionally(e));
    }
  }

  @PreDestroy
  void close() {
    batcher.close();
  }
}
