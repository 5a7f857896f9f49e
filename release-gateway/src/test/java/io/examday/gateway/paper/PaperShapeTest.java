package io.examday.gateway.paper;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.examday.common.error.ExamdayException;
import io.examday.gateway.error.GatewayError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaperShapeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"questions\":[{\"id\":\"q1\",\"text\":\"?\"}]}",
        "{\"shuffle\":null,\"questions\":[]}",
        "{\"shuffle\":{},\"questions\":\"anything: nothing is shuffled\"}",
        "{\"shuffle\":{\"questions\":false,\"options\":false}}",
        "{\"shuffle\":{\"questions\":true},\"questions\":[{\"id\":\"a\"},{\"id\":\"b\"}]}",
        "{\"shuffle\":{\"options\":true},\"questions\":[{\"id\":\"a\",\"options\":[\"x\",\"y\"]},"
            + "{\"id\":\"b\",\"text\":\"essay: no options\"}]}",
      })
  void acceptsPapersThePageCanArrange(String paper) {
    assertThatCode(() -> PaperShape.check(json(paper))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"shuffle\":true}|must be an object",
        "{\"shuffle\":{\"questions\":\"yes\"}}|found \"questions\"",
        "{\"shuffle\":{\"questions\":true,\"colour\":true}}|found \"colour\"",
        "{\"shuffle\":{\"questions\":true}}|needs a \"questions\" list",
        "{\"shuffle\":{\"questions\":true},\"questions\":{\"id\":\"a\"}}|needs a \"questions\" list",
        "{\"shuffle\":{\"questions\":true},\"questions\":[{\"id\":\"a\"},{\"text\":\"?\"}]}"
            + "|Question 2 has no \"id\"",
        "{\"shuffle\":{\"options\":true},\"questions\":[{\"id\":\"\"}]}|Question 1 has no \"id\"",
        "{\"shuffle\":{\"questions\":true},\"questions\":[{\"id\":\"a\"},{\"id\":\"a\"}]}"
            + "|\"a\" is used twice",
        "{\"shuffle\":{\"options\":true},\"questions\":[{\"id\":\"a\",\"options\":[\"x\",1]}]}"
            + "|options of question \"a\"",
        "{\"shuffle\":{\"options\":true},\"questions\":[{\"id\":\"a\",\"options\":\"x\"}]}"
            + "|options of question \"a\"",
      })
  void refusesWhatThePageCouldNotArrangeAndSaysWhat(String paper, String explained) {
    assertThatThrownBy(() -> PaperShape.check(json(paper)))
        .isInstanceOfSatisfying(
            ExamdayException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.error())
                    .isEqualTo(GatewayError.INVALID_PAPER))
        .hasMessageContaining(explained);
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
