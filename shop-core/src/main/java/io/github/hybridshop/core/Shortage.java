package io.github.hybridshop.core;

/**
 * One order line that could not be served.
 *
 * @param productId the product that is short
 * @param requested units the order asked for
 * @param available units in stock when the order was tried
 */
public record Shortage(long productId, int requested, int available) {
  /**
   * Returns how many units are missing.
   *
   * @return {@code requested - available}, always positive
   */
  public int shortfall() {
    return requested - available;
  }
}
