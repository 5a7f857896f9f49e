package io.examday.gateway.exam;

import static org.assertj.core.api.Assertions.assertThat;

import io.examday.gateway.exam.SessionRecord.Status;
import io.examday.gateway.pubsub.Events;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionRecordTest {

  private static final Instant T1 = Instant.parse("2026-12-02T10:00:00.000001Z");
  private static final Instant T2 = Instant.parse("2026-12-02T10:00:00.000002Z");

  private static SessionRecord state(Status status, long extra, Instant updatedAt) {
    return new SessionRecord("s-1", status, extra, 0, Optional.empty(), updatedAt);
  }

  @Test
  void theLaterCommitWinsWhateverOrderTheyArriveIn() {
    SessionRecord older = state(Status.ACTIVE, 600, T1);
    SessionRecord newer = state(Status.PAUSED, 600, T2);

    assertThat(newer.supersedes(older.updatedAtMicros(), false)).isTrue();
    assertThat(older.supersedes(newer.updatedAtMicros(), false)).isFalse();
    assertThat(newer.supersedes(newer.updatedAtMicros(), false)).as("the same state").isFalse();
    assertThat(older.supersedes(Long.MIN_VALUE, false)).as("over the token alone").isTrue();
  }

  @Test
  void aSubmitIsFinal() {
    SessionRecord submitted = state(Status.SUBMITTED, 0, Instant.EPOCH);
    SessionRecord later = state(Status.ACTIVE, 600, T2);

    assertThat(submitted.supersedes(later.updatedAtMicros(), false)).isTrue();
    assertThat(later.supersedes(submitted.updatedAtMicros(), true)).isFalse();
    assertThat(submitted.supersedes(Long.MIN_VALUE, true)).isFalse();
  }

  @Test
  void storedStatusesMapToWhatTheGatewayActsOn() {
    assertThat(Status.of("PAUSED")).isEqualTo(Status.PAUSED);
    assertThat(Status.of("SUBMITTED")).isEqualTo(Status.SUBMITTED);
    assertThat(Status.of("SUBMITTING")).isEqualTo(Status.ACTIVE);
    assertThat(Status.of("WAITING")).isEqualTo(Status.ACTIVE);
    assertThat(Status.of(null)).isEqualTo(Status.ACTIVE);
  }

  @Test
  void extraTimeAndEndedPausesShiftTheDeadline() {
    SessionRecord state = new SessionRecord("s-1", Status.ACTIVE, 600, 95, Optional.empty(), T1);

    assertThat(state.shiftSeconds()).isEqualTo(695);
    assertThat(state.updatedAtMicros()).isEqualTo(T1.getEpochSecond() * 1_000_000L + 1);
  }

  @Test
  void anEventCarriesTheSessionsStateWhenExamSessionSendsIt() {
    Events.Session paused =
        new Events.Session(
            "DEADLINE_CHANGED",
            "s-1",
            "exam-1",
            "2026-12-02T12:10:00Z",
            "PAUSED",
            600L,
            30L,
            "2026-12-02T10:30:00Z",
            "2026-12-02T10:30:00.123456Z");

    assertThat(paused.record())
        .contains(
            new SessionRecord(
                "s-1",
                Status.PAUSED,
                600,
                30,
                Optional.of(Instant.parse("2026-12-02T10:30:00Z")),
                Instant.parse("2026-12-02T10:30:00.123456Z")));
  }

  @Test
  void anOlderExamSessionsEventCarriesNoStateButASubmitIsStillFinal() {
    assertThat(
            new Events.Session("DEADLINE_CHANGED", "s-1", "exam-1", "2026-12-02T12:10:00Z")
                .record())
        .as("the gateway reads the row instead")
        .isEmpty();
    assertThat(new Events.Session("SUBMITTED", "s-1", "exam-1", "2026-12-02T11:00:00Z").record())
        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(Status.SUBMITTED));
  }
}
