package io.github.hybridshop.core.catalog;

import io.github.hybridshop.core.ValidationException;
import io.github.hybridshop.core.Violations;
import java.math.BigDecimal;

/**
 * A product to add to the catalog, valid by construction.
 *
 * <p>Name and category are trimmed. Every rule is checked and all failures are reported together.
 *
 * @param name 1 to 200 characters after trimming
 * @param category 1 to 100 characters after trimming
 * @param price at least 0, at most 2 decimals, below 10<sup>10</sup>
 * @param stock units on hand, 0 to {@value #MAX_STOCK}
 */
public record NewProduct(String name, String category, BigDecimal price, int stock) {

  /** Most characters in a product name. */
  public static final int MAX_NAME_LENGTH = 200;

  /** Most characters in a category. */
  public static final int MAX_CATEGORY_LENGTH = 100;

  /** Most units of one product the shop holds. */
  public static final int MAX_STOCK = 1_000_000_000;

  /** Prices stay below this (the database column is {@code numeric(12,2)}). */
  public static final BigDecimal PRICE_LIMIT = BigDecimal.TEN.pow(10);

  /**
   * Trims and validates.
   *
   * @param name see the record description
   * @param category see the record description
   * @param price see the record description
   * @param stock see the record description
   * @throws ValidationException listing every invalid field
   */
  public NewProduct {
    Violations violations = new Violations();
    name = Text.checked(violations, "name", name, MAX_NAME_LENGTH);
    category = Text.checked(violations, "category", category, MAX_CATEGORY_LENGTH);
    checkPrice(violations, price);
    violations.check(stock >= 0, "stock", "must not be negative");
    violations.check(stock <= MAX_STOCK, "stock", "must be at most " + MAX_STOCK);
    violations.throwIfAny();
  }

  private static void checkPrice(Violations violations, BigDecimal price) {
    if (!violations.check(price != null, "price", "is required")) {
      return;
    }
    violations.check(price.signum() >= 0, "price", "must not be negative");
    violations.check(price.compareTo(PRICE_LIMIT) < 0, "price", "must be below 10000000000");
    violations.check(
        price.stripTrailingZeros().scale() <= 2, "price", "must have at most 2 decimal places");
  }
}
