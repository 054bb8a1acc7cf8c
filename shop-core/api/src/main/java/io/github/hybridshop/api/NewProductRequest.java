package io.github.hybridshop.api;

import java.math.BigDecimal;

/**
 * The body of {@code POST /products}: {@code {name, category, price, stock}}. The codec checks
 * only that each member is there with the right JSON type; the shop checks lengths and ranges.
 *
 * @param name the product name
 * @param category its category
 * @param price the unit price, sent as a plain decimal string such as {@code "12.50"} (a JSON
 *     number is accepted too)
 * @param stock units in stock at the start
 */
public record NewProductRequest(String name, String category, BigDecimal price, int stock) {}
