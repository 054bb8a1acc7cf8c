package io.github.hybridshop.aws.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The API's one Jackson configuration: decimals read as {@link BigDecimal} (never
 * {@code double}), {@code NaN}/{@code Infinity}, trailing tokens and duplicate keys rejected,
 * numbers and nesting bounded.
 *
 * <p>Responses are written with jackson-core's streaming generator; the data-binding mapper is
 * built only when a request body is read, which keeps read-only functions' cold starts short.
 */
public final class Json {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).maxNestingDepth(64).build())
          .build();

  private Json() {}

  /** Built on first use. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE =
        JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  /**
   * Parses a request body.
   *
   * @param body UTF-8 JSON
   * @return the tree
   * @throws HttpProblem 400 {@code malformed-json} naming the problem and where it is
   */
  public static JsonNode parse(byte[] body) {
    try {
      JsonNode node = Mapper.INSTANCE.readTree(body);
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

  /**
   * Writes maps, collections, strings, numbers, booleans and {@code null} as JSON.
   *
   * @param value the value
   * @return its JSON text
   */
  public static String write(Object value) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string failed", e);
    }
    return out.toString();
  }

  /**
   * Returns the shared mapper, for reading secrets and similar small documents.
   *
   * @return the configured mapper
   */
  public static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Collection<?> items) {
      generator.writeStartArray();
      for (Object item : items) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal decimal) {
      generator.writeNumber(decimal);
    } else if (value instanceof BigInteger integer) {
      generator.writeNumber(integer);
    } else if (value instanceof Boolean flag) {
      generator.writeBoolean(flag);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  private static HttpProblem malformed(String detail) {
    return new HttpProblem(Problem.of(400, "malformed-json", "Malformed JSON", "Malformed JSON: " + detail));
  }
}
