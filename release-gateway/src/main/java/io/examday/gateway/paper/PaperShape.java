package io.examday.gateway.paper;

import com.fasterxml.jackson.databind.JsonNode;
import io.examday.common.error.ExamdayException;
import io.examday.gateway.error.GatewayError;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * What the candidates' pages rely on in a paper, checked before it is encrypted (afterwards nobody
 * can read it until the release, when a mistake would reach every candidate at once). The paper is
 * otherwise the exam board's own document. Pure.
 */
final class PaperShape {

  private static final Set<String> SHUFFLE_FIELDS = Set.of("questions", "options");

  private PaperShape() {}

  /**
   * A {@code shuffle} setting, if present, is {@code {"questions": bool, "options": bool}} (either
   * may be left out). Shuffled questions need unique non-empty string ids (a candidate's order is
   * keyed by them); shuffled options must be lists of strings (keyed by their text).
   *
   * @throws ExamdayException INVALID_PAPER, with what to fix
   */
  static void check(JsonNode paper) {
    JsonNode shuffle = paper.get("shuffle");
    if (shuffle == null || shuffle.isNull()) {
      return;
    }
    if (!shuffle.isObject()) {
      throw invalid(
          "\"shuffle\" must be an object such as {\"questions\": true, \"options\": true}.");
    }
    for (Iterator<String> names = shuffle.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!SHUFFLE_FIELDS.contains(name) || !shuffle.get(name).isBoolean()) {
        throw invalid(
            "\"shuffle\" takes only \"questions\" and \"options\", each true or false; found \""
                + name
                + "\".");
      }
    }
    boolean questions = shuffle.path("questions").asBoolean(false);
    boolean options = shuffle.path("options").asBoolean(false);
    if (!questions && !options) {
      return;
    }
    JsonNode list = paper.get("questions");
    if (list == null || !list.isArray()) {
      throw invalid("A shuffled paper needs a \"questions\" list.");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode question = list.get(i);
      JsonNode id = question.path("id");
      if (!id.isTextual() || id.asText().isEmpty()) {
        throw invalid("Question " + (i + 1) + " has no \"id\"; shuffled questions need one each.");
      }
      if (questions && !ids.add(id.asText())) {
        throw invalid("Question id \"" + id.asText() + "\" is used twice; ids must be unique.");
      }
      JsonNode choices = question.get("options");
      if (options && choices != null && !allText(choices)) {
        throw invalid("The options of question \"" + id.asText() + "\" must be a list of texts.");
      }
    }
  }

  private static boolean allText(JsonNode choices) {
    if (!choices.isArray()) {
      return false;
    }
    for (JsonNode choice : choices) {
      if (!choice.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static ExamdayException invalid(String message) {
    return new ExamdayException(GatewayError.INVALID_PAPER, message);
  }
}
