package io.github.hybridshop.aws.http;

import io.github.hybridshop.api.Money;
import io.github.hybridshop.api.Order;
import io.github.hybridshop.api.OrderLine;
import io.github.hybridshop.api.Product;
import io.github.hybridshop.api.ProductPage;

/**
 * The shop's values as the API's records: the one step between shop-core and the wire, so the
 * handlers write nothing by hand.
 */
public final class WireValues {
  private WireValues() {}

  /**
   * Converts a product.
   *
   * @param product the shop's product
   * @return its wire record
   */
  public static Product product(io.github.hybridshop.core.catalog.Product product) {
    return new Product(product.id(), product.name(), product.category(), money(product.price()),
        product.stock(), product.createdAt(), product.updatedAt());
  }

  /**
   * Converts a page of products.
   *
   * @param page the shop's page
   * @return its wire record
   */
  public static ProductPage page(io.github.hybridshop.core.catalog.ProductPage page) {
    return new ProductPage(page.items().stream().map(WireValues::product).toList(), page.nextCursor());
  }

  /**
   * Converts an order, with the idempotency key it was placed with.
   *
   * @param order the shop's order
   * @return its wire record
   */
  public static Order order(io.github.hybridshop.core.checkout.Order order) {
    return new Order(
        order.id(),
        order.idempotencyKey(),
        order.lines().stream()
            .map(line -> new OrderLine(line.lineNo(), line.productId(), line.productName(), line.quantity(),
                money(line.unitPrice()), money(line.lineTotal())))
            .toList(),
        money(order.total()),
        order.createdAt());
  }

  private static Money money(io.github.hybridshop.core.Money money) {
    return new Money(money.amount(), money.currency());
  }
}
