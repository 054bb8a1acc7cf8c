package io.github.hybridshop.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.core.FieldError;
import io.github.hybridshop.core.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewProductTest {

  private static NewProduct product(String name, String category, String price, int stock) {
    return new NewProduct(name, category, price == null ? null : new BigDecimal(price), stock);
  }

  @ParameterizedTest(name = "[{index}] {0}={1} accepted")
  @CsvSource({
    "name length 1, 1, 1, 0, 0",
    "name length 200, 200, 1, 0, 0",
    "category length 100, 1, 100, 0, 0",
    "price 0, 1, 1, 0, 0",
    "price 0.01, 1, 1, 0.01, 0",
    "price max, 1, 1, 9999999999.99, 0",
    "price trailing zeros, 1, 1, 1.500, 0",
    "stock max, 1, 1, 1, 1000000000",
  })
  void acceptsBoundaryValues(String label, int nameLength, int categoryLength, String price, int stock) {
    NewProduct product = product("n".repeat(nameLength), "c".repeat(categoryLength), price, stock);
    assertThat(product.name()).hasSize(nameLength);
    assertThat(product.stock()).isEqualTo(stock);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "name length 201, 201, 1, 0, 0, name",
    "name blank, 0, 1, 0, 0, name",
    "category length 101, 1, 101, 0, 0, category",
    "category blank, 1, 0, 0, 0, category",
    "price -0.01, 1, 1, -0.01, 0, price",
    "price 10^10, 1, 1, 10000000000, 0, price",
    "price 3 decimals, 1, 1, 0.001, 0, price",
    "stock -1, 1, 1, 0, -1, stock",
    "stock max+1, 1, 1, 0, 1000000001, stock",
  })
  void rejectsValuesJustOutsideTheBoundaries(
      String label, int nameLength, int categoryLength, String price, int stock, String field) {
    assertThatThrownBy(() -> product("n".repeat(nameLength), "c".repeat(categoryLength), price, stock))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
  }

  @Test
  void trimsNameAndCategoryAndCountsCodePoints() {
    NewProduct product = product("  Café ☕  ", "\tDrinks ", "2.5", 3);
    assertThat(product.name()).isEqualTo("Café ☕");
    assertThat(product.category()).isEqualTo("Drinks");
    assertThat(product("😀".repeat(200), "c", "1", 0).name()).hasSize(400);
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    assertThatThrownBy(() -> product(" ", null, "-1.001", -5))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("name", "category", "price", "price", "stock"));
  }

  @Test
  void rejectsTextPostgresCannotStore() {
    assertThatThrownBy(() -> product("a\u0000b", "c", "1", 0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> product("a\uD800b", "c", "1", 0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> product("c", "\uDC00", "1", 0)).isInstanceOf(ValidationException.class);
  }

  @Test
  void requiresAPrice() {
    assertThatThrownBy(() -> product("n", "c", null, 0))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).containsExactly(new FieldError("price", "is required")));
  }
}
