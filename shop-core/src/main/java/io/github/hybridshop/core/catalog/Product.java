package io.github.hybridshop.core.catalog;

import io.github.hybridshop.core.Money;
import java.time.Instant;

/**
 * A product as stored in the catalog.
 *
 * @param id the catalog's id, assigned on creation
 * @param name the display name
 * @param category the category it is listed under
 * @param price the unit price in the shop's currency
 * @param stock units on hand, never negative
 * @param createdAt when it was added
 * @param updatedAt when it last changed (price, stock or name)
 */
public record Product(
    long id,
    String name,
    String category,
    Money price,
    int stock,
    Instant createdAt,
    Instant updatedAt) {}
