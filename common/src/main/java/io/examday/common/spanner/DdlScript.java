package io.examday.common.spanner;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Splits a DDL file into statements: drops {@code --} comment lines, splits on {@code ;}. */
final class DdlScript {

  private DdlScript() {}

  static List<String> statements(String script) {
    String withoutComments =
        script
            .lines()
            .filter(line -> !line.strip().startsWith("--"))
            .collect(Collectors.joining("\n"));
    return Arrays.stream(withoutComments.split(";"))
        .map(String::strip)
        .filter(statement -> !statement.isEmpty())
        .toList();
  }
}
