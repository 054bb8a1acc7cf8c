package io.github.hybridshop.gcp.web.cart;

import io.github.hybridshop.api.OrderRequest;
import io.github.hybridshop.gcp.web.ShopLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a shopper intends to buy: product ids and quantities in the order they were added.
 * Immutable; it travels in a signed cookie as {@code id:qty,id:qty}, which is why it is bounded
 * to {@value #MAX_LINES} lines.
 *
 * @param lines quantity per product id, insertion-ordered
 */
public record Cart(Map<Long, Integer> lines) {
  /** Most distinct products in a cart (keeps the cookie far below browser limits). */
  public static final int MAX_LINES = 30;

  /** Most units of one product, the API's limit per order line. */
  public static final int MAX_QUANTITY = ShopLimits.MAX_QUANTITY;

  /**
   * Copies the lines.
   *
   * @param lines see the record description
   */
  public Cart {
    lines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lines));
  }

  /**
   * Returns an empty cart.
   *
   * @return a cart without lines
   */
  public static Cart empty() {
    return new Cart(Map.of());
  }

  /**
   * Adds units of a product, capped at {@link #MAX_QUANTITY}.
   *
   * @param productId the product
   * @param quantity units to add, at least 1
   * @return the new cart, or empty when the cart is full
   */
  public Optional<Cart> add(long productId, int quantity) {
    if (!lines.containsKey(productId) && lines.size() >= MAX_LINES) {
      return Optional.empty();
    }
    Map<Long, Integer> copy = new LinkedHashMap<>(lines);
    copy.merge(productId, quantity, (a, b) -> Math.min(MAX_QUANTITY, a + b));
    return Optional.of(new Cart(copy));
  }

  /**
   * Sets a line's quantity; zero removes it. Unknown products are ignored.
   *
   * @param productId the product
   * @param quantity the new quantity, 0 to {@link #MAX_QUANTITY}
   * @return the new cart
   */
  public Cart set(long productId, int quantity) {
    if (!lines.containsKey(productId)) {
      return this;
    }
    Map<Long, Integer> copy = new LinkedHashMap<>(lines);
    if (quantity <= 0) {
      copy.remove(productId);
    } else {
      copy.put(productId, Math.min(MAX_QUANTITY, quantity));
    }
    return new Cart(copy);
  }

  /**
   * Tells whether the cart has no lines.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /**
   * Counts units over all lines.
   *
   * @return the number of units
   */
  public int units() {
    return lines.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Returns the lines as order items.
   *
   * @return one item per line
   */
  public List<OrderRequest.Item> items() {
    List<OrderRequest.Item> items = new ArrayList<>();
    lines.forEach((id, qty) -> items.add(new OrderRequest.Item(id, qty)));
    return items;
  }

  /**
   * Writes the compact text form.
   *
   * @return {@code id:qty,id:qty}
   */
  public String encode() {
    StringBuilder text = new StringBuilder();
    lines.forEach((id, qty) -> text.append(text.length() == 0 ? "" : ",").append(id).append(':').append(qty));
    return text.toString();
  }

  /**
   * Reads the text form; anything malformed yields an empty cart rather than an error, since
   * the text was signed by us and only an old format could fail.
   *
   * @param text {@code id:qty,id:qty}
   * @return the cart
   */
  public static Cart decode(String text) {
    Map<Long, Integer> lines = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return empty();
    }
    try {
      for (String part : text.split(",")) {
        String[] pair = part.split(":");
        long id = Long.parseLong(pair[0]);
        int qty = Integer.parseInt(pair[1]);
        if (id > 0 && qty > 0 && qty <= MAX_QUANTITY && lines.size() < MAX_LINES) {
          lines.put(id, qty);
        }
      }
    } catch (RuntimeException e) {
      return empty();
    }
    return new Cart(lines);
  }
}
