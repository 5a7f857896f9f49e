package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.examday.gateway.exam.ReleaseRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReleasedPaperTest {

  private static final Instant RELEASED = Instant.parse("2026-05-16T09:00:00.123456Z");
  private final ReleasedPaper paper =
      new ReleasedPaper(
          new ReleaseRecord("exam-1", RELEASED, "proctor-1", false, "sha256-abc"),
          Duration.ofMinutes(180),
          "a2V5LWJ5dGVz");

  private static JsonNode json(String frame) throws Exception {
    return new ObjectMapper().readTree(frame);
  }

  @Test
  void deadlineIsReleasePlusDurationPlusTheCandidatesExtraTime() {
    assertThat(paper.deadlineFor(0)).isEqualTo(RELEASED.plus(Duration.ofMinutes(180)));
    assertThat(paper.deadlineFor(1800)).isEqualTo(RELEASED.plus(Duration.ofMinutes(210)));
  }

  @Test
  void eachExtraTimeHasOneFrameSharedByItsCandidates() throws Exception {
    String plain = paper.frameFor(0);
    assertThat(paper.frameFor(0)).isSameAs(plain);
    JsonNode frame = json(plain);
    assertThat(frame.get("type").asText()).isEqualTo("release");
    assertThat(frame.get("examId").asText()).isEqualTo("exam-1");
    assertThat(frame.get("key").asText()).isEqualTo("a2V5LWJ5dGVz");
    assertThat(frame.get("paperDigest").asText()).isEqualTo("sha256-abc");
    assertThat(frame.get("releasedAt").asText()).isEqualTo(RELEASED.toString());
    assertThat(frame.get("deadline").asText()).isEqualTo(paper.deadlineFor(0).toString());
    assertThat(json(paper.frameFor(600)).get("deadline").asText())
        .isEqualTo(paper.deadlineFor(600).toString());
  }

  @Test
  void aProctorsDeadlineIsWrittenAsGiven() throws Exception {
    Instant own = Instant.parse("2026-05-16T13:30:00Z");
    assertThat(json(paper.frameWith(own)).get("deadline").asText()).isEqualTo(own.toString());
  }

  @Test
  void theKeyNeverAppearsInItsDescription() {
    assertThat(paper.toString()).contains("exam-1").doesNotContain("a2V5LWJ5dGVz");
  }
}
