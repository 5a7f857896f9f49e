package io.examday.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.examday.common.error.ExamdayException;
import io.examday.session.error.SessionError;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

  private static final Instant RELEASE = Instant.parse("2026-05-16T09:00:00Z");
  private static final ExamFacts EXAM = exam(Optional.of(RELEASE));

  private static ExamFacts exam(Optional<Instant> releasedAt) {
    return new ExamFacts(
        "e", RELEASE, Duration.ofHours(3), Duration.ofSeconds(30), Set.of("q1"), releasedAt);
  }

  private static SessionFacts session(SessionStatus status, long candidateExtraMinutes) {
    return new SessionFacts(
        "s",
        "c",
        "e",
        status,
        Duration.ofMinutes(candidateExtraMinutes),
        Duration.ofMinutes(5),
        Duration.ZERO,
        Optional.empty(),
        Optional.empty());
  }

  private static SessionError errorAt(SessionFacts s, ExamFacts exam, Instant now) {
    try {
      SessionRules.requireAcceptingAnswers(s, exam, now);
      return null;
    } catch (ExamdayException e) {
      return (SessionError) e.error();
    }
  }

  @Test
  void acceptsUntilDeadlinePlusGraceIncludingExtraTime() {
    SessionFacts s = session(SessionStatus.ACTIVE, 20);
    Instant deadline = Instant.parse("2026-05-16T12:25:00Z");
    assertThat(errorAt(s, EXAM, deadline.plusSeconds(30))).isNull();
    assertThat(errorAt(s, EXAM, deadline.plusSeconds(31))).isEqualTo(SessionError.DEADLINE_PASSED);
  }

  @Test
  void theHotStateOverrunCheckAgreesWithTheFullRule() {
    SessionFacts s = session(SessionStatus.ACTIVE, 20);
    long allowanceSeconds =
        s.candidateExtra().plus(s.sessionExtra()).plus(s.completedPauses()).toSeconds();
    Instant cutoff = Instant.parse("2026-05-16T12:25:30Z");
    for (long offset = -2; offset <= 2; offset++) {
      Instant now = cutoff.plusSeconds(offset);
      Duration overrun = SessionRules.overrun(EXAM, now).orElseThrow();
      boolean hotAccepts = overrun.toNanos() / 1_000 <= allowanceSeconds * 1_000_000;
      assertThat(hotAccepts).as("at %s", now).isEqualTo(errorAt(s, EXAM, now) == null);
    }
    assertThat(SessionRules.overrun(exam(Optional.empty()), RELEASE)).isEmpty();
  }

  @Test
  void overdueSessionsAreSubmittedAtTheirDeadlineNotWhenTheJobRuns() {
    SessionFacts s = session(SessionStatus.ACTIVE, 0);
    Instant deadline = Instant.parse("2026-05-16T12:05:00Z");
    assertThat(SessionRules.overdueSubmittedAt(s, EXAM, deadline.plusSeconds(20))).isEmpty();
    assertThat(SessionRules.overdueSubmittedAt(s, EXAM, deadline.plus(Duration.ofHours(2))))
        .contains(deadline);
    assertThat(
            SessionRules.overdueSubmittedAt(
                session(SessionStatus.PAUSED, 0), EXAM, deadline.plus(Duration.ofHours(2))))
        .isEmpty();
  }

  @Test
  void statusDecidesBeforeTime() {
    ExamFacts waiting =
        new ExamFacts("e", RELEASE, Duration.ofHours(3), Duration.ZERO, Set.of(), Optional.empty());
    assertThat(errorAt(session(SessionStatus.ACTIVE, 0), waiting, RELEASE))
        .isEqualTo(SessionError.EXAM_NOT_STARTED);
    assertThat(errorAt(session(SessionStatus.PAUSED, 0), EXAM, RELEASE))
        .isEqualTo(SessionError.SESSION_PAUSED);
    assertThat(errorAt(session(SessionStatus.SUBMITTING, 0), EXAM, RELEASE))
        .isEqualTo(SessionError.SESSION_SUBMITTED);
    assertThat(SessionRules.visibleStatus(session(SessionStatus.ACTIVE, 0), waiting))
        .isEqualTo(SessionStatus.WAITING);
  }

  @Test
  void credentialHashesVerifyAndDoNotLeakTheCode() {
    CredentialHasher hasher = new CredentialHasher("a-pepper-of-sixteen+");
    String stored = hasher.hash("K7Q2-P9XM");
    assertThat(stored).doesNotContain("K7Q2");
    assertThat(hasher.matches("K7Q2-P9XM", stored)).isTrue();
    assertThat(hasher.matches("K7Q2-P9XN", stored)).isFalse();
    assertThat(new CredentialHasher("another-pepper-16+").matches("K7Q2-P9XM", stored)).isFalse();
    assertThat(hasher.matches("x", "garbage")).isFalse();
    assertThatThrownBy(() -> new CredentialHasher("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
