package io.github.hybridshop.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that touches Jackson, in a class of its own: the JVM loads it, and Jackson, on the
 * first body read, not when it links {@link JsonCodec} (whose catch clauses would otherwise name
 * Jackson's exception types). One configuration: decimals as {@code BigDecimal}, never
 * {@code double}; {@code NaN}/{@code Infinity}, trailing tokens and duplicate keys rejected;
 * numbers and nesting bounded.
 */
final class JsonTree {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNumberLength(100).maxNestingDepth(64).build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private JsonTree() {}

  /** Parses UTF-8 JSON, or throws a {@link ProblemType#MALFORMED_JSON} problem saying where it breaks. */
  static JsonNode parse(byte[] body) {
    try {
      JsonNode node = body.length == 0 ? null : MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw malformed("the body is empty; send a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw malformed(e.getOriginalMessage() + where);
    } catch (IOException e) {
      throw malformed("the body could not be read as JSON");
    }
  }

  /** Turns a tree into plain values: maps, lists, strings, {@code Long}s, {@code BigDecimal}s, booleans, null. */
  static Object plain(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      node.fields().forEachRemaining(member -> out.put(member.getKey(), plain(member.getValue())));
      return out;
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>(node.size());
      node.forEach(item -> out.add(plain(item)));
      return out;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }

  /** Every member of an object whose name is not one of {@code known}, as plain values, in order. */
  static Map<String, Object> othersThan(JsonNode object, List<String> known) {
    Map<String, Object> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(member -> {
      if (!known.contains(member.getKey())) {
        out.put(member.getKey(), plain(member.getValue()));
      }
    });
    return out;
  }

  private static ProblemException malformed(String detail) {
    return new ProblemException(Problem.of(ProblemType.MALFORMED_JSON, "Malformed JSON: " + detail));
  }
}
