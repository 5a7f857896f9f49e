package io.examday.loadtest.autosave;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line arguments. */
public final class BenchArgs {

  private final Map<String, String> values = new HashMap<>();

  public BenchArgs(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      values.put(args[i].substring(2), args[i + 1]);
    }
  }

  public String text(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }

  /** A comma-separated value as a list; empty when the argument is absent. */
  public List<String> list(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
  }

  public int number(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }
}
