package io.github.hybridshop.core.checkout;

import io.github.hybridshop.core.Money;
import java.time.Instant;
import java.util.List;

/**
 * A placed order.
 *
 * @param id the order id
 * @param idempotencyKey the client's key that placed it
 * @param lines the lines in ascending product id
 * @param total the sum of the line totals
 * @param createdAt when it was placed
 */
public record Order(
    long id, String idempotencyKey, List<OrderLine> lines, Money total, Instant createdAt) {
  /**
   * Copies the lines so the order stays immutable.
   *
   * @param id see the record description
   * @param idempotencyKey see the record description
   * @param lines see the record description
   * @param total see the record description
   * @param createdAt see the record description
   */
  public Order {
    lines = List.copyOf(lines);
  }
}
