package io.github.hybridshop.gcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hybridshop.core.FieldError;
import io.github.hybridshop.core.Money;
import io.github.hybridshop.core.Shortage;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.catalog.ProductPage;
import io.github.hybridshop.core.checkout.Order;
import io.github.hybridshop.core.checkout.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Reads the API's JSON documents (see DESIGN.md) into shop-core's types; money stays exact. */
final class ApiJson {
  private ApiJson() {}

  static ProductPage page(JsonNode node) {
    List<Product> items = new ArrayList<>();
    for (JsonNode item : required(node, "items")) {
      items.add(product(item));
    }
    JsonNode cursor = node.get("nextCursor");
    return new ProductPage(items, cursor == null || cursor.isNull() ? null : cursor.asText());
  }

  static Product product(JsonNode node) {
    Currency currency = Currency.getInstance(text(node, "currency"));
    return new Product(
        required(node, "id").asLong(),
        text(node, "name"),
        text(node, "category"),
        Money.of(new BigDecimal(text(node, "price")), currency),
        required(node, "stock").asInt(),
        instant(node, "createdAt"),
        instant(node, "updatedAt"));
  }

  static Order order(JsonNode node) {
    Currency currency = Currency.getInstance(text(node, "currency"));
    List<OrderLine> lines = new ArrayList<>();
    for (JsonNode line : required(node, "lines")) {
      lines.add(
          new OrderLine(
              required(line, "lineNo").asInt(),
              required(line, "productId").asLong(),
              text(line, "productName"),
              required(line, "quantity").asInt(),
              Money.of(new BigDecimal(text(line, "unitPrice")), currency)));
    }
    JsonNode key = node.get("idempotencyKey");
    return new Order(
        required(node, "id").asLong(),
        key == null || key.isNull() ? null : key.asText(),
        lines,
        Money.of(new BigDecimal(text(node, "total")), currency),
        instant(node, "createdAt"));
  }

  static List<FieldError> fieldErrors(JsonNode problem) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode array = problem.path("errors");
    for (JsonNode error : array) {
      errors.add(new FieldError(error.path("field").asText(""), error.path("message").asText("")));
    }
    return errors;
  }

  static List<Shortage> shortages(JsonNode problem) {
    List<Shortage> shortages = new ArrayList<>();
    for (JsonNode s : problem.path("shortages")) {
      shortages.add(
          new Shortage(s.path("productId").asLong(), s.path("requested").asInt(), s.path("available").asInt()));
    }
    return shortages;
  }

  private static Instant instant(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : Instant.parse(value.asText());
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("API response lacks '" + field + "'");
    }
    return value;
  }
}
