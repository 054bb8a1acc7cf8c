package io.github.hybridshop.examples.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --name value} pairs with typed, defaulted lookups. Fails fast on an odd or repeated
 * flag, and on a name the scenario does not read: a typo such as {@code --thraeds 8} would
 * otherwise run the default and report a number for a run nobody asked for.
 */
record Flags(Map<String, String> values, Set<String> known) {

  static Flags parse(String[] args, Set<String> known) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
      }
      String name = args[i].substring(2);
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown flag --" + name + "; this scenario takes " + described(known));
      }
      if (values.put(name, args[i + 1]) != null) {
        throw new IllegalArgumentException("--" + name + " given twice");
      }
    }
    return new Flags(Map.copyOf(values), Set.copyOf(known));
  }

  int intValue(String name, int fallback) {
    String value = read(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got " + value);
    }
  }

  String string(String name, String fallback) {
    String value = read(name);
    return value == null ? fallback : value;
  }

  private String read(String name) {
    if (!known.contains(name)) {
      throw new IllegalStateException("scenario reads --" + name + " but does not declare it in flags()");
    }
    return values.get(name);
  }

  private static String described(Set<String> known) {
    if (known.isEmpty()) {
      return "no flags";
    }
    StringBuilder out = new StringBuilder();
    for (String name : new TreeSet<>(known)) {
      out.append(out.length() == 0 ? "" : ", ").append("--").append(name);
    }
    return out.toString();
  }
}
