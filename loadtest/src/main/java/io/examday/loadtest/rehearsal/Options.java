package io.examday.loadtest.rehearsal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options; a name may repeat. */
final class Options {

  private final Map<String, List<String>> values = new HashMap<>();

  static Options parse(String[] args) {
    Options options = new Options();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
      }
      options.values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
    }
    return options;
  }

  String string(String name) {
    List<String> all = values.get(name);
    if (all == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return all.getLast();
  }

  String string(String name, String fallback) {
    return values.containsKey(name) ? string(name) : fallback;
  }

  List<String> all(String name) {
    List<String> all = values.getOrDefault(name, List.of());
    if (all.isEmpty()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return all;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(string(name)) : fallback;
  }

  double decimal(String name, double fallback) {
    return values.containsKey(name) ? Double.parseDouble(string(name)) : fallback;
  }
}
