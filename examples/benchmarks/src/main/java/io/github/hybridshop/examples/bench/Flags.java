package io.github.hybridshop.examples.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs with typed, defaulted lookups; an unknown or odd flag fails fast. */
record Flags(Map<String, String> values) {

  static Flags parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
      }
      values.put(args[i].substring(2), args[i + 1]);
    }
    return new Flags(Map.copyOf(values));
  }

  int intValue(String name, int fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got " + value);
    }
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }
}
