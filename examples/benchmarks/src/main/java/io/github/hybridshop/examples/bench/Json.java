package io.github.hybridshop.examples.bench;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes one flat JSON object; enough for numbers, strings and booleans in benchmark output.
 * Every line ends with the machine it ran on ({@code cores}, {@code jvm}), so a reader can tell
 * whether two runs are comparable at all.
 */
final class Json {
  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private static final String JVM =
      System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");

  private Json() {}

  static String line(Map<String, ?> fields) {
    StringJoiner out = new StringJoiner(",", "{", "}");
    fields.forEach((key, value) -> out.add(quote(key) + ":" + render(value)));
    out.add(quote("cores") + ":" + CORES);
    out.add(quote("jvm") + ":" + quote(JVM));
    return out.toString();
  }

  private static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.3f", d);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return quote(value.toString());
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
