package io.github.hybridshop.aws.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The API's JSON: request bodies are read with the one Jackson configuration (decimals as
 * {@link BigDecimal}, never {@code double}; {@code NaN}/{@code Infinity}, trailing tokens and
 * duplicate keys rejected; numbers and nesting bounded), responses are written here.
 *
 * <p>Responses are only maps, lists, strings, integers, decimals and booleans, and writing them
 * is a few lines; doing it without Jackson keeps its ~70 classes off read-only functions' cold
 * starts (about 20 ms of a {@code GET /products} cold start). The mapper is built only when a
 * body is read. The output is byte for byte what Jackson's generator writes.
 */
public final class Json {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Json() {}

  /**
   * Parses a request body.
   *
   * @param body UTF-8 JSON
   * @return the tree
   * @throws HttpProblem 400 {@code malformed-json} naming the problem and where it is
   */
  public static JsonNode parse(byte[] body) {
    return Reader.parse(body);
  }

  /**
   * Writes maps, collections, strings, numbers, booleans and {@code null} as JSON.
   *
   * @param value the value
   * @return its JSON text
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(out, value);
    return out.toString();
  }

  /**
   * Returns the shared mapper, for reading secrets and similar small documents.
   *
   * @return the configured mapper
   */
  public static ObjectMapper mapper() {
    return Reader.MAPPER;
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(out, text);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, String.valueOf(entry.getKey()));
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof Collection<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, item);
      }
      out.append(']');
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      out.append(((Number) value).longValue());
    } else if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  // RFC 8259's mandatory escapes, with the short forms where JSON has them; everything else,
  // non-ASCII included, is written as is (the body is UTF-8).
  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static HttpProblem malformed(String detail) {
    return new HttpProblem(Problem.of(400, "malformed-json", "Malformed JSON", "Malformed JSON: " + detail));
  }

  /**
   * Everything that touches Jackson, in a class of its own: the JVM loads it, and Jackson, on the
   * first body read, not when it checks {@link Json} (whose catch clauses would name Jackson's
   * exception types).
   */
  private static final class Reader {
    static final ObjectMapper MAPPER =
        JsonMapper.builder(
                JsonFactory.builder()
                    .streamReadConstraints(
                        StreamReadConstraints.builder().maxNumberLength(100).maxNestingDepth(64).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static JsonNode parse(byte[] body) {
      try {
        JsonNode node = MAPPER.readTree(body);
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
  }
}
