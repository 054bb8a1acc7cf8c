package io.github.hybridshop.api;

import java.util.List;

/**
 * The body of {@code POST /orders}: {@code {items: [{productId, quantity}]}}; the
 * {@code Idempotency-Key} travels as a header. The shop merges repeated products and checks the
 * quantities.
 *
 * @param items what to buy
 */
public record OrderRequest(List<Item> items) {

  /**
   * Copies the items.
   *
   * @param items see the record description
   */
  public OrderRequest {
    items = List.copyOf(items);
  }

  /**
   * One line of the cart.
   *
   * @param productId the product
   * @param quantity units of it
   */
  public record Item(long productId, int quantity) {}
}
