package io.examday.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloorLedgerTest {

  @Test
  void theFirstRaiseRecordsTheOriginalFloors() {
    FloorLedger ledger = FloorLedger.current(Map.of(), 3, 50).with("exams/morning", 672);

    assertThat(ledger.desiredMin()).isEqualTo(672);
    assertThat(ledger.desiredMax()).isEqualTo(672);
    assertThat(ledger.annotations())
        .containsEntry(FloorLedger.ORIGINAL_MIN, "3")
        .containsEntry(FloorLedger.ORIGINAL_MAX, "50")
        .containsEntry(FloorLedger.FLOORS, "exams/morning=672");
  }

  @Test
  void raisingAgainAfterARestartKeepsTheTrueOriginal() {
    Map<String, String> written =
        FloorLedger.current(Map.of(), 3, 50).with("exams/morning", 672).annotations();

    // A new operator reads the raised HPA (min 672) and must not take 672 for the original.
    FloorLedger again = FloorLedger.current(written, 672, 672).with("exams/morning", 672);

    assertThat(again.originalMin()).isEqualTo(3);
    assertThat(again.originalMax()).isEqualTo(50);
    assertThat(again.annotations()).isEqualTo(written);
  }

  @Test
  void overlappingSchedulesTakeTheMaxAndRestoreOnlyWhenNoneIsLeft() {
    FloorLedger both =
        FloorLedger.current(Map.of(), 3, 1000).with("exams/morning", 672).with("exams/retake", 90);

    assertThat(both.desiredMin()).isEqualTo(672);
    assertThat(both.desiredMax()).isEqualTo(1000);

    FloorLedger retakeOnly = both.without("exams/morning");
    assertThat(retakeOnly.active()).isTrue();
    assertThat(retakeOnly.desiredMin()).isEqualTo(90);

    FloorLedger none = retakeOnly.without("exams/retake");
    assertThat(none.active()).isFalse();
    assertThat(none.annotations()).isEmpty();
    assertThat(none.originalMin()).isEqualTo(3);
  }

  @Test
  void aFloorBelowTheOriginalNeverLowersIt() {
    FloorLedger ledger = FloorLedger.current(Map.of(), 20, 40).with("exams/small", 5);

    assertThat(ledger.desiredMin()).isEqualTo(20);
    assertThat(ledger.desiredMax()).isEqualTo(40);
  }

  @Test
  void roundTripsThroughAnnotations() {
    FloorLedger ledger = FloorLedger.current(Map.of(), 2, 10).with("a/x", 7).with("b/y", 9);
    Map<String, String> annotations = new HashMap<>(ledger.annotations());
    annotations.put("unrelated", "kept");

    assertThat(FloorLedger.recorded(annotations)).contains(ledger);
  }

  @Test
  void damagedAnnotationsAreReportedNotGuessed() {
    Map<String, String> damaged =
        Map.of(FloorLedger.FLOORS, "a/x=7", FloorLedger.ORIGINAL_MIN, "two");

    assertThatThrownBy(() -> FloorLedger.recorded(damaged))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("damaged");
  }
}
