package io.github.hybridshop.gcp.web;

import java.math.BigDecimal;

/**
 * The shop's limits that the site's forms check before they call the API, so a visitor reads the
 * message in their own language next to the field. The API enforces the same limits (shop-core
 * holds them); the site does not depend on shop-core, and {@code ShopLimitsTest} fails when the
 * two disagree.
 */
public final class ShopLimits {
  /** Longest product name, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  /** Longest category, in characters. */
  public static final int MAX_CATEGORY_LENGTH = 100;

  /** Most units a product can hold. */
  public static final int MAX_STOCK = 1_000_000_000;

  /** Prices must be below this. */
  public static final BigDecimal PRICE_LIMIT = BigDecimal.TEN.pow(10);

  /** Most units one restock adds. */
  public static final int MAX_RESTOCK = 1_000_000;

  /** Most units of one product in one order. */
  public static final int MAX_QUANTITY = 10_000;

  private ShopLimits() {}
}
