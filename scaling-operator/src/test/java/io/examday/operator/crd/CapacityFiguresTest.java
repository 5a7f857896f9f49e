package io.examday.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.examday.operator.crd.v1alpha1.ExamSchedule;
import io.examday.operator.crd.v1alpha1.ExamTarget;
import io.examday.operator.model.ScheduleInputs;
import io.examday.operator.plan.CapacityMath;
import io.examday.operator.plan.TargetInput;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/capacity.md's per-pod figures follow from its measured ones, and every place that plans with
 * them says the same: the example ExamSchedule (and its copy in the README), the operator's
 * default, exam-session's CPU request, the HPAs in argocd/ and argocd/README.md (its table and the
 * prometheus-adapter rules that serve the HPAs' metrics). A refreshed measurement changes the doc's
 * figure first; this test then names every place still holding the old one.
 */
class CapacityFiguresTest {

  private static final Path ROOT = Path.of("..");
  private static final Path CAPACITY = ROOT.resolve("docs/capacity.md");
  private static final Path EXAMPLE = Path.of("examples", "national-2027.yaml");
  private static final Path OPERATOR_README = Path.of("README.md");
  private static final Path ARGO_README = ROOT.resolve("argocd/README.md");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final String SESSION = "exam-session";
  private static final String GATEWAY = "release-gateway";
  private static final Pattern SERIES_NAME = Pattern.compile("__name__=\"([^\"]+)\"");

  private static MarkdownTables capacity;

  @BeforeAll
  static void readCapacity() throws IOException {
    capacity = MarkdownTables.read(CAPACITY);
  }

  @Test
  void thePerPodFiguresFollowFromTheMeasuredOnes() {
    BigDecimal autosaveBound = figure("a").multiply(figure("S"));
    BigDecimal loginBound = figure("l").multiply(figure("W")).divide(BigDecimal.TWO);

    assertThat(figure("p_session"))
        .as("docs/capacity.md: p_session = k_session x min(a x S, l x W / 2)")
        .isEqualByComparingTo(figure("k_session").multiply(autosaveBound.min(loginBound)));
    assertThat(figure("t_autosave"))
        .as("docs/capacity.md: t_autosave = a x k_session x h")
        .isEqualByComparingTo(figure("a").multiply(figure("k_session")).multiply(figure("h")));
    BigDecimal savesPerSecond = figure("N").divide(figure("S"), 6, RoundingMode.HALF_EVEN);
    assertThat(savesPerSecond.divide(figure("t_autosave"), 0, RoundingMode.CEILING))
        .as("docs/capacity.md: at N / S saves/s, the exam-session HPA wants at most pods_session")
        .isLessThanOrEqualTo(figure("pods_session"));
    // d deliveries/s per core, one core per pod, everyone keyed within 1 s.
    assertThat(figure("p_gateway"))
        .as("docs/capacity.md: p_gateway = d x 1 s")
        .isEqualByComparingTo(figure("d"));
    for (String pod : List.of("session", "gateway")) {
      assertThat(figure("t_" + pod))
          .as("docs/capacity.md: t_%s = p_%s x h", pod, pod)
          .isEqualByComparingTo(figure("p_" + pod).multiply(figure("h")));
      assertThat(figure("pods_" + pod))
          .as("docs/capacity.md: pods_%s = ceil(N / t_%s)", pod, pod)
          .isEqualByComparingTo(podsFor(figure("t_" + pod)));
    }
  }

  @Test
  void theExampleScheduleCarriesThemAndTheOperatorGetsTheDocsPodCounts() throws IOException {
    ExamSchedule example = schedule(Files.readString(EXAMPLE));
    List<TargetInput> targets = ScheduleInputs.from(example).targets();
    long expected = example.getSpec().getExpectedCandidates();

    assertThat(BigDecimal.valueOf(expected)).isEqualByComparingTo(figure("N"));
    assertThat(targets).extracting(TargetInput::name).containsExactly(SESSION, GATEWAY);
    for (TargetInput target : targets) {
      String suffix = suffix(target.name());
      assertThat(BigDecimal.valueOf(target.candidatesPerPod()))
          .as("%s: candidatesPerPod in %s", target.name(), EXAMPLE)
          .isEqualByComparingTo(figure("p_" + suffix));
      assertThat(BigDecimal.valueOf(target.targetUtilizationPercent()))
          .as("%s: targetUtilizationPercent in %s", target.name(), EXAMPLE)
          .isEqualByComparingTo(percent("h"));
      assertThat(BigDecimal.valueOf(CapacityMath.floorFor(expected, target).floor()))
          .as("%s: the operator's floor for %s", target.name(), EXAMPLE)
          .isEqualByComparingTo(figure("pods_" + suffix));
    }
  }

  @Test
  void theReadmesExampleIsTheExampleFile() throws IOException {
    ExamSchedule inReadme =
        schedule(yamlBlockWith(Files.readString(OPERATOR_README), "kind: ExamSchedule"));
    ExamSchedule file = schedule(Files.readString(EXAMPLE));

    assertThat(ScheduleInputs.from(inReadme).targets())
        .as("the ExamSchedule in %s", OPERATOR_README)
        .isEqualTo(ScheduleInputs.from(file).targets());
    assertThat(inReadme.getSpec().getExpectedCandidates())
        .isEqualTo(file.getSpec().getExpectedCandidates());
  }

  @Test
  void theOperatorsDefaultUtilizationIsTheDocsHeadroom() {
    assertThat(BigDecimal.valueOf(new ExamTarget().getTargetUtilizationPercent()))
        .isEqualByComparingTo(percent("h"));
  }

  @Test
  void examSessionsCpuRequestIsTheDocsCoresPerPod() throws IOException {
    Container container =
        deployment(SESSION).getSpec().getTemplate().getSpec().getContainers().stream()
            .filter(c -> c.getName().equals(SESSION))
            .findFirst()
            .orElseThrow();

    assertThat(container.getResources().getRequests().get("cpu").getNumericalAmount())
        .as("argocd/%s/deployment.yaml: the container's CPU request", SESSION)
        .isEqualByComparingTo(figure("k_session"));
  }

  @Test
  void theHpasTargetThePlannedLoadPerPodAndHOnCpu() throws IOException {
    for (String service : List.of(SESSION, GATEWAY)) {
      HorizontalPodAutoscaler hpa = hpa(service);

      assertThat(podsTarget(hpa))
          .as("argocd/%s/hpa.yaml: the Pods metric's averageValue", service)
          .isEqualByComparingTo(figure(hpaTarget(service)));
      assertThat(cpuTarget(hpa))
          .as("argocd/%s/hpa.yaml: the CPU averageUtilization", service)
          .isEqualByComparingTo(percent("h"));
    }
  }

  @Test
  void argocdsReadmeStatesTheSameTargets() throws IOException {
    MarkdownTables readme = MarkdownTables.read(ARGO_README);
    for (String service : List.of(SESSION, GATEWAY)) {
      String row = "`" + service + "`";

      assertThat(only(readme.cells("HPA", row, "Pods metric target")))
          .as("%s: the %s HPA's Pods metric target", ARGO_README, service)
          .isEqualByComparingTo(figure(hpaTarget(service)));
      assertThat(only(readme.cells("HPA", row, "CPU target")))
          .as("%s: the %s HPA's CPU target", ARGO_README, service)
          .isEqualByComparingTo(percent("h"));
      assertThat(only(readme.cells("HPA", row, "pods at 1.4 M")))
          .as("%s: the %s pods", ARGO_README, service)
          .isEqualByComparingTo(figure("pods_" + suffix(service)));
    }
  }

  /** Without a rule for it, the HPA gets no figure and scales on CPU alone. */
  @Test
  void argocdsReadmesAdapterRulesServeTheHpasMetrics() throws IOException {
    List<String> served = adapterRules().stream().map(CapacityFiguresTest::metricServedBy).toList();

    for (String service : List.of(SESSION, GATEWAY)) {
      assertThat(served)
          .as("%s: prometheus-adapter rules, for argocd/%s/hpa.yaml", ARGO_README, service)
          .contains(metric(hpa(service), "Pods").getPods().getMetric().getName());
    }
  }

  private static String suffix(String service) {
    return service.equals(SESSION) ? "session" : "gateway";
  }

  /**
   * The per-pod figure a service's HPA targets: exam-session's is a save rate, because no per-pod
   * metric counts its candidates once (docs/capacity.md).
   */
  private static String hpaTarget(String service) {
    return service.equals(SESSION) ? "t_autosave" : "t_gateway";
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> adapterRules() throws IOException {
    String yaml = yamlBlockWith(Files.readString(ARGO_README), "seriesQuery:");
    return (List<Map<String, Object>>) Serialization.unmarshal(yaml, Map.class).get("rules");
  }

  /** prometheus-adapter's name for a rule's metric: name.as if set, else the series' own. */
  @SuppressWarnings("unchecked")
  private static String metricServedBy(Map<String, Object> rule) {
    Map<String, Object> name = (Map<String, Object>) rule.get("name");
    if (name != null && name.get("as") != null) {
      return (String) name.get("as");
    }
    Matcher series = SERIES_NAME.matcher((String) rule.get("seriesQuery"));
    return series.find() ? series.group(1) : "";
  }

  /**
   * A symbol's figure in docs/capacity.md (the value or measured column of the tables that have a
   * symbol column). A symbol in two tables must say the same in both.
   */
  private static BigDecimal figure(String symbol) {
    List<BigDecimal> values =
        Stream.concat(
                capacity.cells("symbol", symbol, "value").stream(),
                capacity.cells("symbol", symbol, "measured").stream())
            .map(MarkdownTables::number)
            .flatMap(Optional::stream)
            .toList();
    assertThat(values).as("docs/capacity.md: figures of symbol %s", symbol).isNotEmpty();
    assertThat(values)
        .as("docs/capacity.md: symbol %s in every table", symbol)
        .allSatisfy(value -> assertThat(value).isEqualByComparingTo(values.getFirst()));
    return values.getFirst();
  }

  private static BigDecimal percent(String symbol) {
    return figure(symbol).multiply(HUNDRED);
  }

  private static BigDecimal podsFor(BigDecimal perPod) {
    return figure("N").divide(perPod, 0, RoundingMode.CEILING);
  }

  private static BigDecimal only(List<String> cells) {
    assertThat(cells).hasSize(1);
    return MarkdownTables.number(cells.getFirst()).orElseThrow();
  }

  private static ExamSchedule schedule(String yaml) {
    return Serialization.unmarshal(yaml, ExamSchedule.class);
  }

  private static String yamlBlockWith(String markdown, String text) {
    Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (block.find()) {
      if (block.group(1).contains(text)) {
        return block.group(1);
      }
    }
    throw new AssertionError("no yaml block with " + text);
  }

  private static HorizontalPodAutoscaler hpa(String service) throws IOException {
    try (InputStream in = Files.newInputStream(ROOT.resolve("argocd/" + service + "/hpa.yaml"))) {
      return Serialization.unmarshal(in, HorizontalPodAutoscaler.class);
    }
  }

  private static Deployment deployment(String service) throws IOException {
    try (InputStream in =
        Files.newInputStream(ROOT.resolve("argocd/" + service + "/deployment.yaml"))) {
      return Serialization.unmarshal(in, Deployment.class);
    }
  }

  private static BigDecimal podsTarget(HorizontalPodAutoscaler hpa) {
    return metric(hpa, "Pods").getPods().getTarget().getAverageValue().getNumericalAmount();
  }

  private static BigDecimal cpuTarget(HorizontalPodAutoscaler hpa) {
    MetricSpec cpu = metric(hpa, "Resource");
    assertThat(cpu.getResource().getName()).isEqualTo("cpu");
    return BigDecimal.valueOf(cpu.getResource().getTarget().getAverageUtilization());
  }

  private static MetricSpec metric(HorizontalPodAutoscaler hpa, String type) {
    return hpa.getSpec().getMetrics().stream()
        .filter(metric -> metric.getType().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError(hpa.getMetadata().getName() + ": no " + type));
  }
}
