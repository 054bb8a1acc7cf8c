package io.github.hybridshop.core.checkout;

import io.github.hybridshop.core.Money;

/**
 * One line of a placed order, priced when the order was placed.
 *
 * @param lineNo 1-based position, in ascending product id
 * @param productId the product bought
 * @param productName the product's name
 * @param quantity units bought
 * @param unitPrice the price of one unit at the time of purchase
 */
public record OrderLine(
    int lineNo, long productId, String productName, int quantity, Money unitPrice) {

  /**
   * Returns the line's amount.
   *
   * @return {@code unitPrice × quantity}
   */
  public Money lineTotal() {
    return unitPrice.times(quantity);
  }
}
