package io.github.hybridshop.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A placed order as {@code POST /orders} and {@code GET /orders/{id}} answer it: {@code {id,
 * idempotencyKey, lines, total, currency, createdAt}}. Every amount is in the document's one
 * {@code currency}.
 *
 * @param id the order id
 * @param idempotencyKey the {@code Idempotency-Key} it was placed with, or {@code null} when none
 *     was sent
 * @param lines the lines, in line-number order
 * @param total the sum of the line totals
 * @param createdAt when it was placed
 */
public record Order(long id, String idempotencyKey, List<OrderLine> lines, Money total, Instant createdAt) {

  /**
   * Copies the lines and checks the required parts are present.
   *
   * @param id see the record description
   * @param idempotencyKey see the record description
   * @param lines see the record description
   * @param total see the record description
   * @param createdAt see the record description
   */
  public Order {
    lines = List.copyOf(lines);
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
