package io.examday.session.proctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.examday.common.error.ExamdayException;
import io.examday.session.domain.ExamFacts;
import io.examday.session.domain.SessionFacts;
import io.examday.session.domain.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionChangesTest {

  private static final Instant T0 = Instant.parse("2026-05-16T09:00:00Z");
  private static final ExamFacts EXAM =
      new ExamFacts("e", T0, Duration.ofHours(3), Duration.ZERO, Set.of(), Optional.of(T0));
  private static final SessionFacts ACTIVE =
      new SessionFacts(
          "s",
          "c",
          "e",
          SessionStatus.ACTIVE,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Optional.empty(),
          Optional.empty());

  @Test
  void pauseThenResumeAddsThePauseToTheDeadline() {
    SessionFacts paused = SessionChanges.pause(ACTIVE, EXAM, T0.plusSeconds(600));
    SessionFacts resumed = SessionChanges.resume(paused, T0.plusSeconds(900));
    assertThat(resumed.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(resumed.deadlineInputs(EXAM).deadline(T0))
        .contains(T0.plus(Duration.ofHours(3)).plusSeconds(300));
  }

  @Test
  void extraTimeAccumulatesWithinBounds() {
    SessionFacts twice = SessionChanges.addExtraTime(SessionChanges.addExtraTime(ACTIVE, 60), 120);
    assertThat(twice.sessionExtra()).isEqualTo(Duration.ofSeconds(180));
    assertThatThrownBy(() -> SessionChanges.addExtraTime(ACTIVE, 0))
        .isInstanceOf(ExamdayException.class);
    assertThatThrownBy(() -> SessionChanges.addExtraTime(ACTIVE, 4 * 3600 + 1))
        .isInstanceOf(ExamdayException.class);
  }

  @Test
  void submittedSessionsNeverChange() {
    SessionFacts submitted = ACTIVE.submitted(T0);
    assertThatThrownBy(() -> SessionChanges.addExtraTime(submitted, 60))
        .isInstanceOf(ExamdayException.class);
    assertThatThrownBy(() -> SessionChanges.pause(submitted, EXAM, T0))
        .isInstanceOf(ExamdayException.class);
    assertThatThrownBy(() -> SessionChanges.resume(ACTIVE, T0))
        .isInstanceOf(ExamdayException.class);
  }
}
