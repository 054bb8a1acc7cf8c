package io.github.hybridshop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link JsonWriter} writes what Jackson's generator writes, for every value shape the API sends. */
class JsonWriterTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Property(tries = 500)
  void writesWhatJacksonWrites(@ForAll("values") Object value) throws Exception {
    assertThat(write(new JsonWriter(), value).toString()).isEqualTo(JACKSON.writeValueAsString(value));
  }

  @Property(tries = 300)
  void readsBackAsTheSameText(@ForAll("anyText") String text) throws Exception {
    assertThat(JACKSON.readTree(new JsonWriter().value(text).toString()).textValue()).isEqualTo(text);
  }

  @Example
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(new JsonWriter().value("a\"b\\c\nd\u0001é/€").toString())
        .isEqualTo("\"a\\\"b\\\\c\\nd\\u0001é/€\"");
  }

  @Property(tries = 300)
  void writesPlainTreesAsJacksonDoes(@ForAll("values") Object value) throws Exception {
    assertThat(new JsonWriter().tree(value).toString()).isEqualTo(JACKSON.writeValueAsString(value));
  }

  @Example
  void refusesTreesWithValuesWithoutAJsonForm() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JsonWriter().tree(Map.of("at", java.time.Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.time.Instant");
  }

  @Example
  void separatesMembersAndElementsAtEveryDepth() {
    String json = new JsonWriter().beginObject()
        .name("a").beginArray().value(1).beginObject().endObject().beginArray().endArray().nullValue().endArray()
        .name("b").value(true)
        .name("c").beginObject().name("d").value(new BigDecimal("1.50")).endObject()
        .endObject().toString();
    assertThat(json).isEqualTo("{\"a\":[1,{},[],null],\"b\":true,\"c\":{\"d\":1.50}}");
  }

  /** Writes a tree of maps, collections and scalars through the writer's calls. */
  private static JsonWriter write(JsonWriter out, Object value) {
    if (value == null) {
      return out.nullValue();
    }
    if (value instanceof String text) {
      return out.value(text);
    }
    if (value instanceof Long || value instanceof Integer) {
      return out.value(((Number) value).longValue());
    }
    if (value instanceof BigDecimal decimal) {
      return out.value(decimal);
    }
    if (value instanceof Boolean bool) {
      return out.value(bool);
    }
    if (value instanceof Map<?, ?> map) {
      out.beginObject();
      map.forEach((name, member) -> write(out.name((String) name), member));
      return out.endObject();
    }
    out.beginArray();
    ((Collection<?>) value).forEach(item -> write(out, item));
    return out.endArray();
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40));
  }

  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.recursive(this::scalars, this::containers, 3);
  }

  private Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        anyText().map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.bigDecimals().ofScale(2).map(d -> (Object) d),
        Arbitraries.of(new BigDecimal("1E+3"), new BigDecimal("-0.000001"), new BigDecimal("12.50")).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null));
  }

  private Arbitrary<Object> containers(Arbitrary<Object> element) {
    Arbitrary<Object> list = element.list().ofMaxSize(4).map(items -> (Object) new ArrayList<>(items));
    Arbitrary<Object> map =
        Arbitraries.maps(anyText(), element)
            .ofMaxSize(4)
            .map(entries -> (Object) new LinkedHashMap<>(entries));
    return Arbitraries.oneOf(list, map);
  }
}
