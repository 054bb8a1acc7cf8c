package io.github.hybridshop.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads typed members from one JSON object, recording a field error for every missing or wrongly
 * typed value instead of stopping at the first; {@link #throwIfAny()} reports them all as one
 * {@link ProblemType#VALIDATION} problem. Nested objects share the error list and carry a prefix
 * such as {@code items[2].}.
 */
final class JsonFields {
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);

  private final JsonNode object;
  private final String prefix;
  private final List<Problem.FieldError> errors;

  private JsonFields(JsonNode object, String prefix, List<Problem.FieldError> errors) {
    this.object = object;
    this.prefix = prefix;
    this.errors = errors;
  }

  /** Starts reading a document, which must be a JSON object. */
  static JsonFields of(JsonNode document) {
    if (!document.isObject()) {
      throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("body", "must be a JSON object"))));
    }
    return new JsonFields(document, "", new ArrayList<>());
  }

  /** A required string, or {@code null} after recording an error. */
  String text(String field) {
    JsonNode node = present(field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      add(field, "must be a string");
      return null;
    }
    return node.textValue();
  }

  /** A string that may be absent or {@code null}. */
  String optionalText(String field) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      add(field, "must be a string");
      return null;
    }
    return node.textValue();
  }

  /**
   * A required exact decimal, given as a JSON number or as a plain decimal string such as
   * {@code "12.50"}; {@code null} after recording an error.
   */
  BigDecimal decimal(String field) {
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
    add(field, "must be a decimal number such as 12.50");
    return null;
  }

  /**
   * A required whole number that fits in an {@code int}; larger or smaller values are clamped to
   * the {@code int} range so the shop's range check reports them.
   */
  Integer wholeNumber(String field) {
    BigInteger value = integral(field);
    if (value == null) {
      return null;
    }
    return value.max(INT_MIN).min(INT_MAX).intValue();
  }

  /**
   * A required identifier: a whole number; out-of-range values become {@code 0}, which the shop
   * rejects as not an id.
   */
  Long id(String field) {
    BigInteger value = integral(field);
    if (value == null) {
      return null;
    }
    return value.bitLength() < 64 ? value.longValue() : 0L;
  }

  /** A required ISO 4217 currency code. */
  Currency currency(String field) {
    String code = text(field);
    if (code == null) {
      return null;
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      add(field, "must be an ISO 4217 currency code such as EUR");
      return null;
    }
  }

  /** A required ISO-8601 instant such as {@code 2026-12-01T06:00:00Z}. */
  Instant instant(String field) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      add(field, "must be an ISO-8601 instant such as 2026-12-01T06:00:00Z");
      return null;
    }
  }

  /**
   * A required array of objects: a reader per element (elements that are not objects are
   * reported and skipped), or {@code null} after recording an error.
   */
  List<JsonFields> objects(String field) {
    JsonNode node = present(field);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      add(field, "must be an array");
      return null;
    }
    List<JsonFields> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String at = prefix + field + "[" + i + "]";
      if (node.get(i).isObject()) {
        out.add(new JsonFields(node.get(i), at + ".", errors));
      } else {
        errors.add(new Problem.FieldError(at, "must be an object"));
      }
    }
    return out;
  }

  /** Throws every recorded error at once as a {@link ProblemType#VALIDATION} problem. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid(errors));
    }
  }

  private BigInteger integral(String field) {
    JsonNode node = present(field);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber()) {
      add(field, "must be a whole number");
      return null;
    }
    return node.bigIntegerValue();
  }

  private JsonNode present(String field) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      add(field, "is required");
      return null;
    }
    return node;
  }

  private void add(String field, String message) {
    errors.add(new Problem.FieldError(prefix + field, message));
  }
}
