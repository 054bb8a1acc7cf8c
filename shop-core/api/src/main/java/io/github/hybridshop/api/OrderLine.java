package io.github.hybridshop.api;

import java.util.Objects;

/**
 * One line of an order: {@code {lineNo, productId, productName, quantity, unitPrice, lineTotal}}.
 * The product's name and price are those at the time of purchase.
 *
 * @param lineNo the 1-based line number
 * @param productId the product bought
 * @param productName its name when bought
 * @param quantity units bought
 * @param unitPrice the price of one unit when bought
 * @param lineTotal {@code unitPrice × quantity}, as the shop computed it
 */
public record OrderLine(
    int lineNo, long productId, String productName, int quantity, Money unitPrice, Money lineTotal) {

  /**
   * Checks the required parts are present.
   *
   * @param lineNo see the record description
   * @param productId see the record description
   * @param productName see the record description
   * @param quantity see the record description
   * @param unitPrice see the record description
   * @param lineTotal see the record description
   */
  public OrderLine {
    Objects.requireNonNull(productName, "productName");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(lineTotal, "lineTotal");
  }
}
