package io.github.hybridshop.aws.http;

import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.catalog.ProductPage;
import io.github.hybridshop.core.checkout.Order;
import io.github.hybridshop.core.checkout.OrderLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON shapes. Money is a plain decimal string ({@code "12.50"}) next to its currency
 * code, so every client reads it exactly; instants are ISO-8601 UTC.
 */
public final class ShopJson {
  private ShopJson() {}

  /**
   * A product: {@code {id, name, category, price, currency, stock, createdAt, updatedAt}}.
   *
   * @param product the product
   * @return its JSON shape
   */
  public static Map<String, Object> product(Product product) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", product.id());
    out.put("name", product.name());
    out.put("category", product.category());
    out.put("price", product.price().toPlainString());
    out.put("currency", product.price().currency().getCurrencyCode());
    out.put("stock", product.stock());
    out.put("createdAt", product.createdAt().toString());
    out.put("updatedAt", product.updatedAt().toString());
    return out;
  }

  /**
   * A page of products: {@code {items, nextCursor}}.
   *
   * @param page the page
   * @return its JSON shape
   */
  public static Map<String, Object> page(ProductPage page) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", page.items().stream().map(ShopJson::product).toList());
    out.put("nextCursor", page.nextCursor());
    return out;
  }

  /**
   * An order: {@code {id, lines: [{lineNo, productId, productName, quantity, unitPrice,
   * lineTotal}], total, currency, createdAt}}.
   *
   * @param order the order
   * @return its JSON shape
   */
  public static Map<String, Object> order(Order order) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", order.id());
    List<Map<String, Object>> lines = order.lines().stream().map(ShopJson::line).toList();
    out.put("lines", lines);
    out.put("total", order.total().toPlainString());
    out.put("currency", order.total().currency().getCurrencyCode());
    out.put("createdAt", order.createdAt().toString());
    return out;
  }

  private static Map<String, Object> line(OrderLine line) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("lineNo", line.lineNo());
    out.put("productId", line.productId());
    out.put("productName", line.productName());
    out.put("quantity", line.quantity());
    out.put("unitPrice", line.unitPrice().toPlainString());
    out.put("lineTotal", line.lineTotal().toPlainString());
    return out;
  }
}
