package io.examday.operator.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.examday.operator.plan.DurationText;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** What the platform operator asks for. Durations use the Kubernetes notation (2h, 90m). */
@ValidationRule(
    value = "duration(self.duration) > duration('0s')",
    message = "duration must be positive: the exam must end after it starts")
@ValidationRule(
    value = "duration(self.leadTime) > duration(self.readinessDeadline)",
    message = "leadTime must be longer than readinessDeadline")
@ValidationRule(
    value = "self.targets.all(t, self.targets.exists_one(u, u.name == t.name))",
    message = "target names must be unique")
@ValidationRule(
    value = "self.targets.all(t, self.targets.exists_one(u, u.hpa == t.hpa))",
    message = "each target must name a different HPA")
public class ExamScheduleSpec {

  /** RFC 3339 with an explicit offset: an exam time without a zone is a bug waiting. */
  public static final String RFC3339_PATTERN =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

  @Required
  @Size(min = 1, max = 128)
  @JsonPropertyDescription("The exam this schedule prepares for.")
  private String examId;

  @Required
  @Pattern(RFC3339_PATTERN)
  @JsonPropertyDescription("T-0, RFC 3339 with an offset, e.g. 2027-05-15T09:00:00+05:30.")
  private String startTime;

  @Required
  @Pattern(DurationText.PATTERN)
  @JsonPropertyDescription("How long the exam runs, e.g. 3h.")
  private String duration;

  @Required
  @Min(0)
  @Max(100_000_000)
  @JsonPropertyDescription("Candidates expected at T-0.")
  private long expectedCandidates;

  @Default("2h")
  @Pattern(DurationText.PATTERN)
  @JsonPropertyDescription("How long before T-0 floors are raised and surge nodes warmed.")
  private String leadTime = "2h";

  @Default("15m")
  @Pattern(DurationText.PATTERN)
  @JsonPropertyDescription("How long before T-0 capacity must be ready; later it is Degraded.")
  private String readinessDeadline = "15m";

  @Default("30m")
  @Pattern(DurationText.PATTERN)
  @JsonPropertyDescription("How long after the end floors stay raised before being restored.")
  private String scaleDownDelay = "30m";

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription("The workloads to pre-scale: each a Deployment and its HPA.")
  private List<ExamTarget> targets = new ArrayList<>();

  @JsonPropertyDescription("Balloon pods that hold surge nodes warm; absent means none.")
  private SurgeCapacity surge;

  @Size(max = 16)
  @JsonPropertyDescription("Images pulled onto the surge pool before T-0 (need /bin/sh).")
  private List<String> prePullImages = new ArrayList<>();

  public String getExamId() {
    return examId;
  }

  public void setExamId(String examId) {
    this.examId = examId;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public long getExpectedCandidates() {
    return expectedCandidates;
  }

  public void setExpectedCandidates(long expectedCandidates) {
    this.expectedCandidates = expectedCandidates;
  }

  public String getLeadTime() {
    return leadTime;
  }

  public void setLeadTime(String leadTime) {
    this.leadTime = leadTime;
  }

  public String getReadinessDeadline() {
    return readinessDeadline;
  }

  public void setReadinessDeadline(String readinessDeadline) {
    this.readinessDeadline = readinessDeadline;
  }

  public String getScaleDownDelay() {
    return scaleDownDelay;
  }

  public void setScaleDownDelay(String scaleDownDelay) {
    this.scaleDownDelay = scaleDownDelay;
  }

  public List<ExamTarget> getTargets() {
    return targets;
  }

  public void setTargets(List<ExamTarget> targets) {
    this.targets = targets;
  }

  public SurgeCapacity getSurge() {
    return surge;
  }

  public void setSurge(SurgeCapacity surge) {
    this.surge = surge;
  }

  public List<String> getPrePullImages() {
    return prePullImages;
  }

  public void setPrePullImages(List<String> prePullImages) {
    this.prePullImages = prePullImages;
  }
}
