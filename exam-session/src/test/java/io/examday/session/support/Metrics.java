package io.examday.session.support;

import static io.restassured.RestAssured.given;

/** exam-session's Prometheus metrics (`/q/metrics`) as the tests read them. */
public final class Metrics {

  private Metrics() {}

  /** The metrics page now. */
  public static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** {@link #sum(String, String)} of the metrics now. */
  public static double sum(String series) {
    return sum(scrape(), series);
  }

  /**
   * The sum of the values of {@code series}: a name alone (such as the closer's failures total)
   * takes every label set of that name; a name followed by the opening brace and some of its
   * labels, without the closing brace (one code of the rejected saves), takes the lines with those
   * labels. 0 when there is no such line yet.
   */
  public static double sum(String metrics, String series) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(series) && endsAt(line, series.length()))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Whether the series ends at {@code index}: a name, a label set or its next label follows. */
  private static boolean endsAt(String line, int index) {
    char next = line.charAt(index);
    return next == ' ' || next == '{' || next == '}' || next == ',';
  }
}
