package io.github.hybridshop.core.checkout;

import java.util.Objects;

/**
 * What one call of {@link Checkout#purchase(String, OrderRequest)} did.
 *
 * @param order the order the idempotency key stands for
 * @param replayed {@code true} when the key had placed it before and nothing was bought now
 */
public record Purchase(Order order, boolean replayed) {
  /**
   * Checks the order is given.
   *
   * @param order see the record description
   * @param replayed see the record description
   */
  public Purchase {
    Objects.requireNonNull(order, "order");
  }

  /**
   * Returns the number of units the order holds.
   *
   * @return the sum of its lines' quantities
   */
  public int units() {
    return order.lines().stream().mapToInt(OrderLine::quantity).sum();
  }
}
