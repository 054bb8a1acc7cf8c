package io.github.hybridshop.aws.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Json#write} writes what Jackson's generator writes, for every value shape the API sends. */
class JsonWriteTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Property(tries = 500)
  void writesWhatJacksonWrites(@ForAll("values") Object value) throws Exception {
    assertThat(Json.write(value)).isEqualTo(JACKSON.writeValueAsString(value));
  }

  @Property(tries = 300)
  void readsBackAsTheSameText(@ForAll("anyText") String text) throws Exception {
    assertThat(JACKSON.readTree(Json.write(text)).textValue()).isEqualTo(text);
  }

  @Example
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(Json.write("a\"b\\c\nd\u0001é/€"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\u0001é/€\"");
  }

  @Example
  void refusesValuesWithoutAJsonForm() {
    assertThatThrownBy(() -> Json.write(Map.of("at", Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.time.Instant");
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
        Arbitraries.shorts().map(s -> (Object) s),
        Arbitraries.bigDecimals().ofScale(2).map(d -> (Object) d),
        Arbitraries.of(new BigDecimal("1E+3"), new BigDecimal("-0.000001"), new BigDecimal("12.50")).map(d -> (Object) d),
        Arbitraries.bigIntegers().map(i -> (Object) i),
        Arbitraries.of(BigInteger.TEN.pow(40)).map(i -> (Object) i),
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
