package io.examday.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manifests in argocd/scaling-operator grant what the reconciler calls and no more, and match
 * the operator's defaults (PriorityClass, watched namespace).
 */
class ArgoManifestsTest {

  private static final Path DIR = Path.of("..", "argocd", "scaling-operator");

  @Test
  void theRoleGrantsExactlyWhatTheReconcilerUses() throws IOException {
    Role role = role("scaling-operator");

    assertThat(role.getMetadata().getNamespace()).isEqualTo("examday");
    assertThat(verbs(role, "examday.io", "examschedules"))
        .containsExactlyInAnyOrder("get", "list", "watch", "patch", "update");
    assertThat(verbs(role, "examday.io", "examschedules/status")).contains("patch");
    assertThat(verbs(role, "examday.io", "examschedules/finalizers")).containsExactly("update");
    assertThat(verbs(role, "autoscaling", "horizontalpodautoscalers"))
        .doesNotContain("create", "delete");
    assertThat(verbs(role, "autoscaling", "horizontalpodautoscalers")).contains("watch", "update");
    assertThat(verbs(role, "apps", "deployments")).contains("create", "update", "delete", "watch");
    assertThat(verbs(role, "apps", "daemonsets")).contains("create", "update", "delete", "watch");
    assertThat(verbs(role, "", "events")).containsExactlyInAnyOrder("create", "patch");
    assertThat(role.getRules())
        .noneMatch(rule -> rule.getResources().contains("*") || rule.getVerbs().contains("*"));
    assertThat(verbs(role("scaling-operator-leader-election"), "coordination.k8s.io", "leases"))
        .containsExactlyInAnyOrder("get", "create", "update");
  }

  @Test
  void balloonsGiveWayToEveryRealPod() throws IOException {
    PriorityClass balloon = read("priorityclass.yaml", PriorityClass.class);

    assertThat(balloon.getMetadata().getName()).isEqualTo("examday-balloon");
    assertThat(balloon.getValue()).isNegative();
    assertThat(balloon.getPreemptionPolicy()).isEqualTo("Never");
    assertThat(balloon.getGlobalDefault()).isFalse();
  }

  @Test
  void theDeploymentWatchesTheNamespaceTheRoleCovers() throws IOException {
    Deployment deployment = read("deployment.yaml", Deployment.class);

    assertThat(deployment.getSpec().getReplicas()).isGreaterThan(1);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("EXAMDAY_OPERATOR_NAMESPACES");
              assertThat(env.getValue())
                  .isEqualTo(role("scaling-operator").getMetadata().getNamespace());
            });
  }

  private static List<String> verbs(Role role, String group, String resource) {
    return role.getRules().stream()
        .filter(
            rule -> rule.getApiGroups().contains(group) && rule.getResources().contains(resource))
        .map(PolicyRule::getVerbs)
        .findFirst()
        .orElse(List.of());
  }

  private static Role role(String name) throws IOException {
    try (InputStream in = Files.newInputStream(DIR.resolve("rbac.yaml"))) {
      // A multi-document file unmarshals to a list of the documents.
      List<?> items = Serialization.unmarshal(in);
      return items.stream()
          .filter(Role.class::isInstance)
          .map(Role.class::cast)
          .filter(role -> role.getMetadata().getName().equals(name))
          .findFirst()
          .orElseThrow();
    }
  }

  private static <T> T read(String file, Class<T> type) throws IOException {
    try (InputStream in = Files.newInputStream(DIR.resolve(file))) {
      return Serialization.unmarshal(in, type);
    }
  }
}
