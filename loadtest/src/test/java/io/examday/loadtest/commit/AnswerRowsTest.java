package io.examday.loadtest.commit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.spanner.Mutation;
import io.examday.common.spanner.AnswerEventRows;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerRowsTest {

  private final AnswerRows rows = new AnswerRows(List.of("s1", "s2", "s3"));

  @Test
  void everyRowIsANewKeyAndNeighboursAreDifferentSessions() {
    Set<List<Object>> keys = new HashSet<>();
    int count = 3 * AnswerRows.QUESTIONS * 4; // four sequences of every (session, question)
    for (long n = 0; n < count; n++) {
      Mutation row = rows.row(n);
      var values = row.asMap();
      keys.add(
          List.of(
              values.get("SessionId").getString(),
              values.get("QuestionId").getString(),
              values.get("ClientSeq").getInt64()));
      assertThat(rows.session(n)).isNotEqualTo(rows.session(n + 1));
    }
    assertThat(keys).hasSize(count);
    assertThat(AnswerRows.sequence(count - 1, 3)).isEqualTo(4);
  }

  @Test
  void valuesAreTwentyToTwoHundredCharactersWithTheirDigest() {
    for (long n = 0; n < 1000; n++) {
      assertThat(AnswerRows.value(n).length()).isBetween(20, 200);
    }
    var values = rows.row(7).asMap();
    assertThat(values.get("ValueSha256").getBytes().toByteArray())
        .isEqualTo(AnswerEventRows.sha256(AnswerRows.value(7)));
    assertThat(values.get("Value").getString()).isEqualTo(AnswerRows.value(7));
  }
}
