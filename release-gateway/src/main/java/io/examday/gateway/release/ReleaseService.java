package io.examday.gateway.release;

import io.examday.common.error.ExamdayException;
import io.examday.gateway.error.GatewayError;
import io.examday.gateway.exam.ExamInfo;
import io.examday.gateway.exam.ReleaseRecord;
import io.examday.gateway.exam.SpannerExams;
import io.examday.gateway.live.ExamSource;
import io.examday.gateway.live.KeySource;
import io.examday.gateway.live.LiveGateway;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The proctor's release command: checks, key check in Vault, ONE Spanner transaction (release +
 * audit; its commit timestamp is the official start), then the announcement to every instance.
 */
public final class ReleaseService {

  private static final Logger LOG = Logger.getLogger(ReleaseService.class);

  private final ExamSource exams;
  private final SpannerExams records;
  private final KeySource keys;
  private final ReleaseAnnouncer announcer;
  private final LiveGateway live;
  private final MfaPolicy mfa;
  private final Clock clock;
  private final Tracer tracer;

  public ReleaseService(
      ExamSource exams,
      SpannerExams records,
      KeySource keys,
      ReleaseAnnouncer announcer,
      LiveGateway live,
      MfaPolicy mfa,
      Clock clock,
      Tracer tracer) {
    this.exams = exams;
    this.records = records;
    this.keys = keys;
    this.announcer = announcer;
    this.live = live;
    this.mfa = mfa;
    this.clock = clock;
    this.tracer = tracer;
  }

  public ReleaseResponse release(String examId, ProctorIdentity proctor, ReleaseRequest request) {
    mfa.check(proctor, clock.instant());
    ExamInfo exam = traced("spanner.load-exam", () -> exams.load(examId));
    if (exam.release().isPresent()) {
      return response(exam.release().get(), true);
    }
    String reason = request.reason() == null ? null : request.reason().strip();
    if (request.override() && (reason == null || reason.isEmpty())) {
      throw new ExamdayException(
          GatewayError.OVERRIDE_REASON_REQUIRED, "An early release needs a reason.");
    }
    if (!request.override() && clock.instant().isBefore(exam.scheduledStart())) {
      throw new ExamdayException(
          GatewayError.TOO_EARLY,
          "Exam "
              + examId
              + " is scheduled for "
              + exam.scheduledStart()
              + "; release it then, or override with a reason.");
    }
    String digest =
        exam.paperDigest()
            .orElseThrow(
                () ->
                    new ExamdayException(
                        GatewayError.PAPER_NOT_PREPARED,
                        "Exam " + examId + " has no prepared paper."));
    // Fail before committing if the key is not there: a release nobody can open is worse than none.
    byte[] key = traced("vault.read-key", () -> keys.paperKey(examId, digest));
    SpannerExams.ReleaseOutcome outcome =
        traced(
            "spanner.record-release",
            () ->
                records.recordRelease(
                    examId, proctor.subject(), request.override(), reason, digest));
    if (!outcome.alreadyReleased()) {
      live.onRelease(outcome.release(), key, "command");
      boolean published =
          traced("pubsub.publish-release", () -> announcer.announce(outcome.release()));
      if (!published) {
        LOG.warnf("release of exam %s committed but not published; gateways poll Spanner", examId);
      }
    }
    return response(outcome.release(), outcome.alreadyReleased());
  }

  private <T> T traced(String name, Supplier<T> work) {
    Span span = tracer.spanBuilder(name).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return work.get();
    } catch (RuntimeException e) {
      span.recordException(e);
      throw e;
    } finally {
      span.end();
    }
  }

  private static ReleaseResponse response(ReleaseRecord release, boolean already) {
    return new ReleaseResponse(
        release.examId(),
        release.releasedAt().toString(),
        release.releasedBy(),
        release.override(),
        already);
  }
}
