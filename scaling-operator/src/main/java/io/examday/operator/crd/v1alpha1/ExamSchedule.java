package io.examday.operator.crd.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One exam sitting to pre-scale for: the cluster is warm and verified before T-0. */
@Group(ExamSchedule.GROUP)
@Version(ExamSchedule.VERSION)
@ShortNames("examsched")
@AdditionalPrinterColumn(
    name = "Exam",
    jsonPath = ".spec.examId",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Start",
    jsonPath = ".spec.startTime",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"CapacityReady\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Next",
    jsonPath = ".status.nextTransitionTime",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ExamSchedule extends CustomResource<ExamScheduleSpec, ExamScheduleStatus>
    implements Namespaced {

  public static final String GROUP = "examday.io";
  public static final String VERSION = "v1alpha1";

  @Override
  protected ExamScheduleStatus initStatus() {
    return new ExamScheduleStatus();
  }
}
