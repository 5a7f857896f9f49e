package io.examday.loadtest.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The report as JSON (for scripts and the benchmark) and as a few human lines. */
public final class ReportFormat {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFormat() {}

  public static String json(VerificationReport report) {
    ObjectNode node = JSON.valueToTree(report);
    node.put("passed", report.passed());
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(VerificationReport report) {
    StringBuilder out = new StringBuilder();
    out.append(report.passed() ? "PASSED" : "FAILED")
        .append(": ")
        .append(report.acked())
        .append(" acknowledged answers of ")
        .append(report.sessions())
        .append(" sessions checked against ")
        .append(report.storedRows())
        .append(" stored rows\n");
    out.append("  lost ").append(report.lost());
    out.append(", stale ").append(report.stale());
    out.append(", phantom ")
        .append(report.phantom() == null ? "not checked (no sent records)" : report.phantom());
    out.append("; committed but unacknowledged (allowed) ")
        .append(report.committedUnacked())
        .append('\n');
    if (!report.logComplete()) {
      out.append("  the ack log is incomplete (a writer did not finish): the run is not proven\n");
    }
    for (Finding finding : report.examples()) {
      out.append("  ")
          .append(finding.kind())
          .append(": session ")
          .append(finding.sessionId())
          .append(" question ")
          .append(finding.questionId())
          .append(" seq ")
          .append(finding.seq())
          .append(": ")
          .append(finding.detail())
          .append('\n');
    }
    return out.toString();
  }
}
