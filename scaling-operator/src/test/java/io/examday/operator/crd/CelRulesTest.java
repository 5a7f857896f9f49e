package io.examday.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CEL rules of the checked-in CRD, evaluated as the API server would at admission (no API
 * server runs here): a good spec passes every rule, each bad one fails with its message.
 */
class CelRulesTest {

  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private static List<ValidationRule> rules;

  @BeforeAll
  static void readRules() throws IOException {
    CustomResourceDefinition crd =
        Serialization.unmarshal(
            Files.readString(CrdManifestTest.CHECKED_IN), CustomResourceDefinition.class);
    rules =
        crd.getSpec()
            .getVersions()
            .getFirst()
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("spec")
            .getXKubernetesValidations();
  }

  @Test
  void aGoodSpecPassesEveryRule() throws Exception {
    assertThat(violations(spec())).isEmpty();
  }

  @Test
  void anExamThatDoesNotEndAfterItStartsIsRejected() throws Exception {
    Map<String, Object> spec = spec();
    spec.put("duration", "0s");

    assertThat(violations(spec))
        .containsExactly("duration must be positive: the exam must end after it starts");
  }

  @Test
  void aReadinessDeadlineBeforeTheWarmUpIsRejected() throws Exception {
    Map<String, Object> spec = spec();
    spec.put("readinessDeadline", "3h");

    assertThat(violations(spec)).containsExactly("leadTime must be longer than readinessDeadline");
  }

  @Test
  void twoTargetsOnOneHpaAreRejected() throws Exception {
    Map<String, Object> spec = spec();
    spec.put("targets", List.of(target("a", "exam-session"), target("b", "exam-session")));

    assertThat(violations(spec)).containsExactly("each target must name a different HPA");
  }

  @Test
  void duplicateTargetNamesAreRejected() throws Exception {
    Map<String, Object> spec = spec();
    spec.put("targets", List.of(target("a", "one"), target("a", "two")));

    assertThat(violations(spec)).containsExactly("target names must be unique");
  }

  private static List<String> violations(Map<String, Object> spec) throws Exception {
    List<String> failed = new ArrayList<>();
    for (ValidationRule rule : rules) {
      CelAbstractSyntaxTree ast = COMPILER.compile(rule.getRule()).getAst();
      Object ok = RUNTIME.createProgram(ast).eval(Map.of("self", spec));
      if (!Boolean.TRUE.equals(ok)) {
        failed.add(rule.getMessage());
      }
    }
    return failed;
  }

  /** The spec as the API server hands it to CEL: defaults applied, integers as int64. */
  private static Map<String, Object> spec() {
    Map<String, Object> spec = new HashMap<>();
    spec.put("examId", "nat-2027");
    spec.put("startTime", "2027-05-15T09:00:00+05:30");
    spec.put("duration", "3h");
    spec.put("expectedCandidates", 1_400_000L);
    spec.put("leadTime", "2h");
    spec.put("readinessDeadline", "15m");
    spec.put("scaleDownDelay", "30m");
    spec.put(
        "targets",
        List.of(target("exam-session", "exam-session"), target("gw", "release-gateway")));
    return spec;
  }

  private static Map<String, Object> target(String name, String hpa) {
    return Map.of(
        "name",
        name,
        "deployment",
        hpa,
        "hpa",
        hpa,
        "candidatesPerPod",
        2_500L,
        "targetUtilizationPercent",
        60L);
  }
}
