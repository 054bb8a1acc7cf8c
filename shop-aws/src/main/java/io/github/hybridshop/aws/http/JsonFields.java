package io.github.hybridshop.aws.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hybridshop.core.Violations;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads typed fields from one JSON object, recording a field error for every missing or
 * wrongly typed value instead of stopping at the first; {@link #throwIfAny()} reports them all.
 * Nested objects share the same error list and carry a prefix such as {@code items[2].}.
 */
public final class JsonFields {
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);

  private final JsonNode object;
  private final String prefix;
  private final Violations violations;

  private JsonFields(JsonNode object, String prefix, Violations violations) {
    this.object = object;
    this.prefix = prefix;
    this.violations = violations;
  }

  /**
   * Starts reading a request body, which must be a JSON object.
   *
   * @param body the parsed body
   * @return the reader
   * @throws io.github.hybridshop.core.ValidationException when the body is not an object
   */
  public static JsonFields of(JsonNode body) {
    Violations violations = new Violations();
    violations.check(body.isObject(), "body", "must be a JSON object");
    violations.throwIfAny();
    return new JsonFields(body, "", violations);
  }

  /**
   * Reads a required string.
   *
   * @param field the member name
   * @return the string, or {@code null} after recording an error
   */
  public String text(String field) {
    JsonNode node = present(field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      violations.add(prefix + field, "must be a string");
      return null;
    }
    return node.textValue();
  }

  /**
   * Reads a required exact decimal, given as a JSON number or as a plain decimal string such as
   * {@code "12.50"}.
   *
   * @param field the member name
   * @return the value, or {@code null} after recording an error
   */
  public BigDecimal decimal(String field) {
    JsonNode node = present(field);
    if (node == null) {
      return null;
    }
    if (node.isTextual() && PLAIN_DECIMAL.matcher(node.textValue()).matches()) {
      return new BigDecimal(node.textValue());
    }
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      // Exponent forms such as 1e999999999 are exact but absurd: refuse before any arithmetic.
      if (Math.abs(value.scale()) <= 30 && value.precision() <= 60) {
        return value;
      }
    }
    violations.add(prefix + field, "must be a decimal number such as 12.50");
    return null;
  }

  /**
   * Reads a required whole number that fits in an {@code int}; larger or smaller values are
   * clamped to the {@code int} range so the domain's range check reports them.
   *
   * @param field the member name
   * @return the value, or {@code null} after recording an error
   */
  public Integer wholeNumber(String field) {
    BigInteger value = integral(field);
    if (value == null) {
      return null;
    }
    return value.max(INT_MIN).min(INT_MAX).intValue();
  }

  /**
   * Reads a required identifier: a positive whole number; out-of-range values become
   * {@code 0}, which the domain rejects as not an id.
   *
   * @param field the member name
   * @return the value, or {@code null} after recording an error
   */
  public Long id(String field) {
    BigInteger value = integral(field);
    if (value == null) {
      return null;
    }
    return value.bitLength() < 64 ? value.longValue() : 0L;
  }

  /**
   * Reads a required array of objects.
   *
   * @param field the member name
   * @return a reader per element (elements that are not objects are reported and skipped), or
   *     {@code null} after recording an error
   */
  public List<JsonFields> objects(String field) {
    JsonNode node = present(field);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      violations.add(prefix + field, "must be an array");
      return null;
    }
    List<JsonFields> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String at = prefix + field + "[" + i + "]";
      if (violations.check(node.get(i).isObject(), at, "must be an object")) {
        out.add(new JsonFields(node.get(i), at + ".", violations));
      }
    }
    return out;
  }

  /**
   * Throws every recorded error at once.
   *
   * @throws io.github.hybridshop.core.ValidationException when any field was missing or wrongly typed
   */
  public void throwIfAny() {
    violations.throwIfAny();
  }

  private BigInteger integral(String field) {
    JsonNode node = present(field);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber()) {
      violations.add(prefix + field, "must be a whole number");
      return null;
    }
    return node.bigIntegerValue();
  }

  private JsonNode present(String field) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      violations.add(prefix + field, "is required");
      return null;
    }
    return node;
  }
}
