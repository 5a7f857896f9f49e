package io.examday.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CRD in argocd/ is the one the Java types generate. When the types change, this test leaves
 * the new CRD in target/crd/; copy it over the checked-in one.
 */
class CrdManifestTest {

  static final Path CHECKED_IN = Path.of("..", "argocd", "crds", "examschedules.examday.io-v1.yml");
  static final Path GENERATED_DIR = Path.of("target", "crd");

  private static String generated;

  @BeforeAll
  static void generate() throws IOException {
    Files.createDirectories(GENERATED_DIR);
    new CRDGenerator()
        .customResourceClasses(ExamSchedule.class)
        .forCRDVersions("v1")
        .inOutputDir(GENERATED_DIR.toFile())
        .generate();
    generated = Files.readString(GENERATED_DIR.resolve(CHECKED_IN.getFileName()));
  }

  @Test
  void theCheckedInCrdEqualsTheGeneratedOne() throws IOException {
    assertThat(Files.readString(CHECKED_IN))
        .as(
            "argocd CRD is stale: cp scaling-operator/target/crd/%s argocd/crds/",
            CHECKED_IN.getFileName())
        .isEqualTo(generated);
  }

  @Test
  void theSchemaRejectsWhatAdmissionCan() {
    CustomResourceDefinition crd =
        Serialization.unmarshal(generated, CustomResourceDefinition.class);
    JSONSchemaProps spec =
        crd.getSpec()
            .getVersions()
            .getFirst()
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("spec");

    assertThat(spec.getRequired())
        .contains("examId", "startTime", "duration", "expectedCandidates", "targets");
    assertThat(spec.getProperties().get("targets").getMinItems()).isEqualTo(1L);
    assertThat(spec.getProperties().get("expectedCandidates").getMinimum()).isZero();
    JSONSchemaProps target = spec.getProperties().get("targets").getItems().getSchema();
    assertThat(target.getProperties().get("candidatesPerPod").getMinimum()).isEqualTo(1.0);
    JSONSchemaProps utilization = target.getProperties().get("targetUtilizationPercent");
    assertThat(utilization.getMinimum()).isEqualTo(1.0);
    assertThat(utilization.getMaximum()).isEqualTo(100.0);
    assertThat(spec.getXKubernetesValidations())
        .extracting(rule -> rule.getRule())
        .contains(
            "duration(self.duration) > duration('0s')",
            "duration(self.leadTime) > duration(self.readinessDeadline)");
    assertThat(crd.getSpec().getVersions().getFirst().getSubresources().getStatus()).isNotNull();
    assertThat(crd.getSpec().getVersions().getFirst().getAdditionalPrinterColumns())
        .extracting(column -> column.getName())
        .contains("Exam", "Phase", "Ready", "Next");
  }
}
