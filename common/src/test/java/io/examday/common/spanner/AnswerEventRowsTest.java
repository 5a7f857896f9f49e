package io.examday.common.spanner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.spanner.Mutation;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AnswerEventRowsTest {

  @Test
  void writesTheKeyTheValueItsDigestAndTheCommitTimestamp() {
    Mutation row = AnswerEventRows.blindWrite("s-1", "q3", 7, "abc");
    assertThat(row.getOperation()).isEqualTo(Mutation.Op.INSERT_OR_UPDATE);
    assertThat(row.getTable()).isEqualTo("AnswerEvents");
    var values = row.asMap();
    assertThat(values.get("SessionId").getString()).isEqualTo("s-1");
    assertThat(values.get("QuestionId").getString()).isEqualTo("q3");
    assertThat(values.get("ClientSeq").getInt64()).isEqualTo(7);
    assertThat(values.get("Value").getString()).isEqualTo("abc");
    // SHA-256("abc"), the FIPS 180-2 test vector
    assertThat(HexFormat.of().formatHex(values.get("ValueSha256").getBytes().toByteArray()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(values.get("CommittedAt").isCommitTimestamp()).isTrue();
  }

  @Test
  void theSameSaveGivesTheSameRow() {
    assertThat(AnswerEventRows.blindWrite("s", "q", 1, "é"))
        .isEqualTo(AnswerEventRows.blindWrite("s", "q", 1, "é", AnswerEventRows.sha256("é")));
  }
}
