package io.examday.operator.crd;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pipe tables of a Markdown file, and the numbers in their cells. */
record MarkdownTables(List<Table> tables) {

  private static final Pattern BOLD_NUMBER =
      Pattern.compile("\\*\\*(\\d[\\d,]*(?:\\.\\d+)?)\\*\\*");
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");
  private static final Pattern SEPARATOR = Pattern.compile("^\\|[-| :]+\\|$");

  /** One table: its header cells and its rows' cells, trimmed. */
  record Table(List<String> header, List<List<String>> rows) {

    int column(String name) {
      return header.indexOf(name);
    }
  }

  static MarkdownTables read(Path file) throws IOException {
    List<Table> tables = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (isRow(lines.get(i)) && SEPARATOR.matcher(lines.get(i + 1).strip()).matches()) {
        List<List<String>> rows = new ArrayList<>();
        int next = i + 2;
        while (next < lines.size() && isRow(lines.get(next))) {
          rows.add(cells(lines.get(next++)));
        }
        tables.add(new Table(cells(lines.get(i)), rows));
        i = next - 1;
      }
    }
    return new MarkdownTables(tables);
  }

  /** The cell in column {@code column} of every row whose column {@code key} is {@code value}. */
  List<String> cells(String key, String value, String column) {
    List<String> found = new ArrayList<>();
    for (Table table : tables) {
      int keyAt = table.column(key);
      int columnAt = table.column(column);
      if (keyAt < 0 || columnAt < 0) {
        continue;
      }
      for (List<String> row : table.rows()) {
        if (row.size() > Math.max(keyAt, columnAt) && row.get(keyAt).equals(value)) {
          found.add(row.get(columnAt));
        }
      }
    }
    return found;
  }

  /**
   * The figure a cell states: its bold number if it has one (a derivation's result), else its
   * first.
   */
  static Optional<BigDecimal> number(String cell) {
    Matcher bold = BOLD_NUMBER.matcher(cell);
    Matcher any = NUMBER.matcher(cell);
    Matcher found = bold.find() ? bold : any.find() ? any : null;
    if (found == null) {
      return Optional.empty();
    }
    String digits = (found == bold ? found.group(1) : found.group()).replace(",", "");
    return Optional.of(new BigDecimal(digits));
  }

  private static boolean isRow(String line) {
    String stripped = line.strip();
    return stripped.startsWith("|") && stripped.endsWith("|") && stripped.length() > 1;
  }

  private static List<String> cells(String line) {
    String stripped = line.strip();
    return Arrays.stream(stripped.substring(1, stripped.length() - 1).split("\\|", -1))
        .map(String::strip)
        .toList();
  }
}
