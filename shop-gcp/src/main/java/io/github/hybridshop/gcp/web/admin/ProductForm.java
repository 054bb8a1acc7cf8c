package io.github.hybridshop.gcp.web.admin;

import io.github.hybridshop.api.NewProductRequest;
import io.github.hybridshop.gcp.web.ShopLimits;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The add-product form as typed, so it can be shown again with the input kept, and its checks,
 * which report every field at once as bundle keys shown next to each field.
 *
 * @param name as typed
 * @param category as typed
 * @param price as typed
 * @param stock as typed
 */
public record ProductForm(String name, String category, String price, String stock) {
  /** An empty form. */
  public static final ProductForm EMPTY = new ProductForm("", "", "", "");

  /**
   * Checks every field.
   *
   * @return field name to message bundle key; empty when valid
   */
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    text(errors, "name", name, ShopLimits.MAX_NAME_LENGTH);
    text(errors, "category", category, ShopLimits.MAX_CATEGORY_LENGTH);
    BigDecimal amount = decimal(price);
    if (price == null || price.isBlank()) {
      errors.put("price", "field.required");
    } else if (amount == null) {
      errors.put("price", "field.price.number");
    } else if (amount.signum() < 0) {
      errors.put("price", "field.negative");
    } else if (amount.stripTrailingZeros().scale() > 2) {
      errors.put("price", "field.price.decimals");
    } else if (amount.compareTo(ShopLimits.PRICE_LIMIT) >= 0) {
      errors.put("price", "field.price.large");
    }
    Long units = whole(stock);
    if (stock == null || stock.isBlank()) {
      errors.put("stock", "field.required");
    } else if (units == null) {
      errors.put("stock", "field.whole");
    } else if (units < 0) {
      errors.put("stock", "field.negative");
    } else if (units > ShopLimits.MAX_STOCK) {
      errors.put("stock", "field.stock.large");
    }
    return errors;
  }

  /**
   * Returns the request for the API; call only when {@link #errors()} is empty. Names are sent
   * stripped, as the shop stores them; the API checks every field again.
   *
   * @return the request body
   */
  public NewProductRequest toRequest() {
    return new NewProductRequest(name.strip(), category.strip(), decimal(price), Integer.parseInt(stock.strip()));
  }

  private static void text(Map<String, String> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.put(field, "field.required");
    } else if (value.strip().length() > max) {
      errors.put(field, "field.long." + field);
    } else if (value.chars().anyMatch(Character::isISOControl)) {
      errors.put(field, "field.control");
    }
  }

  private static BigDecimal decimal(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String plain = text.strip();
    if (!plain.matches("-?[0-9]{1,12}([.,][0-9]{1,10})?")) {
      return null;
    }
    return new BigDecimal(plain.replace(',', '.'));
  }

  /**
   * Parses a whole number as typed; {@code null} when it is not one.
   *
   * @param text the input
   * @return the number, or {@code null}
   */
  static Long whole(String text) {
    if (text == null || !text.strip().matches("-?[0-9]{1,12}")) {
      return null;
    }
    return Long.parseLong(text.strip());
  }
}
