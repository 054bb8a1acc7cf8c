package io.github.hybridshop.aws.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The API's one Jackson configuration: decimals read as {@link java.math.BigDecimal} (never
 * {@code double}), {@code NaN}/{@code Infinity}, trailing tokens and duplicate keys rejected,
 * numbers and nesting bounded.
 */
public final class Json {
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

  private Json() {}

  /**
   * Parses a request body.
   *
   * @param body UTF-8 JSON
   * @return the tree
   * @throws HttpProblem 400 {@code malformed-json} naming the problem and where it is
   */
  public static JsonNode parse(byte[] body) {
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

  /**
   * Writes a value (maps, lists, strings, numbers) as JSON.
   *
   * @param value the value
   * @return its JSON text
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response could not be written as JSON", e);
    }
  }

  /**
   * Returns the shared mapper, for reading secrets and similar small documents.
   *
   * @return the configured mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static HttpProblem malformed(String detail) {
    return new HttpProblem(Problem.of(400, "malformed-json", "Malformed JSON", "Malformed JSON: " + detail));
  }
}
