package io.github.hybridshop.gcp.web.cart;

import io.github.hybridshop.gcp.web.Page;
import java.util.List;

/**
 * The cart template's model.
 *
 * @param page the layout context
 * @param lines the lines with current prices
 * @param total the formatted running total
 * @param ticket the signed checkout ticket for the checkout form
 * @param problem a message above the cart (such as "some lines are short"), or {@code null}
 */
public record CartView(Page page, List<Line> lines, String total, String ticket, String problem) {
  /**
   * One line.
   *
   * @param productId the product id
   * @param name the product name
   * @param unitPrice the formatted unit price
   * @param quantity units in the cart
   * @param lineTotal the formatted line total
   * @param shortage a message saying how many units are missing, or {@code null}
   * @param available units in stock when the line is short (offered as the new quantity), else -1
   */
  public record Line(
      long productId, String name, String unitPrice, int quantity, String lineTotal, String shortage, int available) {}
}
