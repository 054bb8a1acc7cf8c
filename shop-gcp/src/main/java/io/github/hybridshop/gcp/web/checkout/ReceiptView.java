package io.github.hybridshop.gcp.web.checkout;

import io.github.hybridshop.gcp.web.Page;
import java.util.List;

/**
 * The receipt template's model.
 *
 * @param page the layout context
 * @param orderId the order id
 * @param placedAt when it was placed, formatted
 * @param lines the bought lines
 * @param total the formatted total
 */
public record ReceiptView(Page page, long orderId, String placedAt, List<Line> lines, String total) {
  /**
   * One bought line.
   *
   * @param name the product name
   * @param quantity units bought
   * @param unitPrice the formatted unit price
   * @param lineTotal the formatted line total
   */
  public record Line(String name, int quantity, String unitPrice, String lineTotal) {}
}
