package io.github.hybridshop.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.hybridshop.core.ValidationException;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The constructor accepts exactly the inputs the rules describe, for any input. */
class NewProductProperties {

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMinLength(0).ofMaxLength(220),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(0).ofMaxLength(220),
        Arbitraries.just(null));
  }

  @Provide
  Arbitrary<BigDecimal> prices() {
    return Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(new BigDecimal("-100"), new BigDecimal("1e11")).ofScale(3),
        Arbitraries.longs().between(-10, 20_000_000_000_000L).map(c -> BigDecimal.valueOf(c, 2)),
        Arbitraries.just(null));
  }

  @Property(tries = 2000)
  void acceptsExactlyTheValidInputs(
      @ForAll("texts") String name,
      @ForAll("texts") String category,
      @ForAll("prices") BigDecimal price,
      @ForAll int stock) {
    boolean valid =
        okText(name, 200)
            && okText(category, 100)
            && price != null
            && price.signum() >= 0
            && price.compareTo(new BigDecimal("10000000000")) < 0
            && price.stripTrailingZeros().scale() <= 2
            && stock >= 0
            && stock <= 1_000_000_000;
    Throwable thrown = catchThrowable(() -> new NewProduct(name, category, price, stock));
    if (valid) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isInstanceOf(ValidationException.class);
    }
  }

  @Property
  void validProductsAreTrimmed(@ForAll("texts") String name) {
    Throwable thrown = catchThrowable(() -> new NewProduct(name, "c", BigDecimal.ONE, 1));
    if (thrown == null) {
      NewProduct product = new NewProduct(name, "c", BigDecimal.ONE, 1);
      assertThat(product.name()).isEqualTo(product.name().strip()).isNotEmpty();
    }
  }

  private static boolean okText(String value, int max) {
    if (value == null) {
      return false;
    }
    String trimmed = value.strip();
    return !trimmed.isEmpty()
        && trimmed.codePointCount(0, trimmed.length()) <= max
        && Text.isStorable(trimmed);
  }
}
