package io.github.hybridshop.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A product as {@code GET /products/{id}} answers it: {@code {id, name, category, price,
 * currency, stock, createdAt, updatedAt}}.
 *
 * @param id the product id
 * @param name the unique name
 * @param category the category
 * @param price the unit price; its currency is the document's {@code currency}
 * @param stock units in stock
 * @param createdAt when it was added
 * @param updatedAt when it last changed
 */
public record Product(
    long id, String name, String category, Money price, int stock, Instant createdAt, Instant updatedAt) {

  /**
   * Checks the required parts are present.
   *
   * @param id see the record description
   * @param name see the record description
   * @param category see the record description
   * @param price see the record description
   * @param stock see the record description
   * @param createdAt see the record description
   * @param updatedAt see the record description
   */
  public Product {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
