package io.github.hybridshop.examples.bench;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Writes one flat JSON object; enough for numbers, strings and booleans in benchmark output. */
final class Json {
  private Json() {}

  static String line(Map<String, ?> fields) {
    StringJoiner out = new StringJoiner(",", "{", "}");
    fields.forEach((key, value) -> out.add(quote(key) + ":" + render(value)));
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
