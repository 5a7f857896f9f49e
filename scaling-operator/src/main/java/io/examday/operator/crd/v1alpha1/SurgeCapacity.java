package io.examday.operator.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The surge node pool and the balloon pods that keep it warm. */
public class SurgeCapacity {

  private static final String QUANTITY = "^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$";

  @JsonPropertyDescription("Node labels of the surge pool (balloons and pre-pull run there).")
  private Map<String, String> nodeSelector = new HashMap<>();

  @JsonPropertyDescription("Tolerations for the surge pool's taints.")
  private List<Toleration> tolerations = new ArrayList<>();

  @Default("1")
  @Pattern(QUANTITY)
  @JsonPropertyDescription("CPU one balloon pod reserves; size it like one target pod.")
  private String podCpu = "1";

  @Default("2Gi")
  @Pattern(QUANTITY)
  @JsonPropertyDescription("Memory one balloon pod reserves.")
  private String podMemory = "2Gi";

  @Min(0)
  @Max(10_000)
  @JsonPropertyDescription("Balloon pods; absent means the floors' headroom pods, summed.")
  private Integer balloons;

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  public String getPodCpu() {
    return podCpu;
  }

  public void setPodCpu(String podCpu) {
    this.podCpu = podCpu;
  }

  public String getPodMemory() {
    return podMemory;
  }

  public void setPodMemory(String podMemory) {
    this.podMemory = podMemory;
  }

  public Integer getBalloons() {
    return balloons;
  }

  public void setBalloons(Integer balloons) {
    this.balloons = balloons;
  }
}
