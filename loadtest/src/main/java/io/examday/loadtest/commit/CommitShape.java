package io.examday.loadtest.commit;

import java.util.ArrayList;
import java.util.List;

/**
 * One configuration of the commit benchmark: {@code committers} threads, each committing {@code
 * rows} answer rows per commit, one commit after the other. Written {@code 2x100}.
 *
 * @param committers concurrent committers (threads), at least 1
 * @param rows answer rows per commit, at least 1
 */
record CommitShape(int committers, int rows) {

  static final int MAX_COMMITTERS = 256;

  /** Spanner's limit is 80,000 mutated cells per commit; an answer row sets 6 columns. */
  static final int MAX_ROWS = 10_000;

  CommitShape {
    if (committers < 1 || committers > MAX_COMMITTERS) {
      throw new IllegalArgumentException(
          "committers must be 1.." + MAX_COMMITTERS + ", got " + committers);
    }
    if (rows < 1 || rows > MAX_ROWS) {
      throw new IllegalArgumentException(
          "rows per commit must be 1.." + MAX_ROWS + ", got " + rows);
    }
  }

  /** Parses a comma-separated list such as {@code 1x1,8x1,1x100}. */
  static List<CommitShape> parseList(String text) {
    List<CommitShape> shapes = new ArrayList<>();
    for (String item : text.split(",")) {
      shapes.add(parse(item.strip()));
    }
    return List.copyOf(shapes);
  }

  static CommitShape parse(String item) {
    String[] parts = item.split("x", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "expected COMMITTERSxROWS (e.g. 1x100), got '" + item + "'");
    }
    try {
      return new CommitShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected COMMITTERSxROWS with whole numbers (e.g. 1x100), got '" + item + "'", e);
    }
  }

  @Override
  public String toString() {
    return committers + "x" + rows;
  }
}
