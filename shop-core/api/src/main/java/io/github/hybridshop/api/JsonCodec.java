package io.github.hybridshop.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The one JSON codec of the shop API: every record of this package written as the API sends it
 * and read back as the API accepts it, for the handlers and the client alike.
 *
 * <p>Writing goes through {@link JsonWriter} and loads no Jackson class; reading parses with one
 * hardened Jackson configuration, loaded on the first read. Readers report every missing or
 * wrongly typed member at once as a {@link ProblemException} carrying a {@link
 * ProblemType#VALIDATION} problem (or {@link ProblemType#MALFORMED_JSON} for text that is not
 * JSON): the handlers answer with it, the client turns it into an unexpected answer. Ranges and
 * lengths are the shop's to check, not the codec's.
 */
public final class JsonCodec {

  /** The media type of success bodies. */
  public static final String MEDIA_TYPE = "application/json";

  /** The media type of every problem body. */
  public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

  private static final List<String> HEALTH_MEMBERS = List.of("status", "database");
  private static final List<String> PROBLEM_MEMBERS =
      List.of("type", "title", "status", "detail", "errors", "shortages", "correlationId", "database", "instance");

  private JsonCodec() {}

  /**
   * Writes a product.
   *
   * @param product the product
   * @return {@code {id, name, category, price, currency, stock, createdAt, updatedAt}}
   */
  public static String write(Product product) {
    return product(new JsonWriter(), product).toString();
  }

  /**
   * Writes a page of products.
   *
   * @param page the page
   * @return {@code {items, nextCursor}}
   */
  public static String write(ProductPage page) {
    JsonWriter out = new JsonWriter().beginObject().name("items").beginArray();
    for (Product product : page.items()) {
      product(out, product);
    }
    return out.endArray().name("nextCursor").value(page.nextCursor()).endObject().toString();
  }

  /**
   * Writes an order.
   *
   * @param order the order
   * @return {@code {id, idempotencyKey, lines: [{lineNo, productId, productName, quantity,
   *     unitPrice, lineTotal}], total, currency, createdAt}}
   */
  public static String write(Order order) {
    JsonWriter out = new JsonWriter().beginObject()
        .name("id").value(order.id())
        .name("idempotencyKey").value(order.idempotencyKey())
        .name("lines").beginArray();
    for (OrderLine line : order.lines()) {
      out.beginObject()
          .name("lineNo").value(line.lineNo())
          .name("productId").value(line.productId())
          .name("productName").value(line.productName())
          .name("quantity").value(line.quantity())
          .name("unitPrice").value(line.unitPrice().toPlainString())
          .name("lineTotal").value(line.lineTotal().toPlainString())
          .endObject();
    }
    return out.endArray()
        .name("total").value(order.total().toPlainString())
        .name("currency").value(order.total().currency().getCurrencyCode())
        .name("createdAt").value(order.createdAt().toString())
        .endObject()
        .toString();
  }

  /**
   * Writes the health answer.
   *
   * @param health the answer
   * @return {@code {status, database, ...parts}}
   */
  public static String write(Health health) {
    JsonWriter out = new JsonWriter().beginObject()
        .name("status").value(health.status())
        .name("database").value(health.database());
    health.parts().forEach((name, details) -> out.name(name).tree(details));
    return out.endObject().toString();
  }

  /**
   * Writes a problem; extension members that do not apply are left out.
   *
   * @param problem the problem
   * @return {@code {type, title, status, detail, ...extensions}}
   */
  public static String write(Problem problem) {
    JsonWriter out = new JsonWriter().beginObject()
        .name("type").value(problem.type())
        .name("title").value(problem.title())
        .name("status").value(problem.status())
        .name("detail").value(problem.detail());
    if (!problem.errors().isEmpty()) {
      out.name("errors").beginArray();
      for (Problem.FieldError error : problem.errors()) {
        out.beginObject().name("field").value(error.field()).name("message").value(error.message()).endObject();
      }
      out.endArray();
    }
    if (!problem.shortages().isEmpty()) {
      out.name("shortages").beginArray();
      for (Problem.Shortage shortage : problem.shortages()) {
        out.beginObject()
            .name("productId").value(shortage.productId())
            .name("requested").value(shortage.requested())
            .name("available").value(shortage.available())
            .endObject();
      }
      out.endArray();
    }
    if (problem.correlationId() != null) {
      out.name("correlationId").value(problem.correlationId());
    }
    if (problem.database() != null) {
      out.name("database").value(problem.database());
    }
    problem.parts().forEach((name, details) -> out.name(name).tree(details));
    return out.endObject().toString();
  }

  /**
   * Writes the body of {@code POST /products}; the price goes as a plain decimal string.
   *
   * @param request the new product
   * @return {@code {name, category, price, stock}}
   */
  public static String write(NewProductRequest request) {
    return new JsonWriter().beginObject()
        .name("name").value(request.name())
        .name("category").value(request.category())
        .name("price").value(request.price() == null ? null : request.price().toPlainString())
        .name("stock").value(request.stock())
        .endObject()
        .toString();
  }

  /**
   * Writes the body of {@code POST /products/{id}/restock}.
   *
   * @param request the restock
   * @return {@code {quantity}}
   */
  public static String write(RestockRequest request) {
    return new JsonWriter().beginObject().name("quantity").value(request.quantity()).endObject().toString();
  }

  /**
   * Writes the body of {@code POST /orders}.
   *
   * @param request the cart
   * @return {@code {items: [{productId, quantity}]}}
   */
  public static String write(OrderRequest request) {
    JsonWriter out = new JsonWriter().beginObject().name("items").beginArray();
    for (OrderRequest.Item item : request.items()) {
      out.beginObject().name("productId").value(item.productId()).name("quantity").value(item.quantity()).endObject();
    }
    return out.endArray().endObject().toString();
  }

  /**
   * Reads a product.
   *
   * @param json UTF-8 JSON
   * @return the product
   * @throws ProblemException when it is not JSON or not a product
   */
  public static Product readProduct(byte[] json) {
    JsonFields fields = JsonFields.of(JsonTree.parse(json));
    Product product = product(fields);
    fields.throwIfAny();
    return product;
  }

  /**
   * Reads a page of products.
   *
   * @param json UTF-8 JSON
   * @return the page
   * @throws ProblemException when it is not JSON or not a page
   */
  public static ProductPage readProductPage(byte[] json) {
    JsonFields fields = JsonFields.of(JsonTree.parse(json));
    List<JsonFields> items = fields.objects("items");
    List<Product> products = new ArrayList<>();
    if (items != null) {
      for (JsonFields item : items) {
        products.add(product(item));
      }
    }
    String cursor = fields.optionalText("nextCursor");
    fields.throwIfAny();
    return new ProductPage(products, cursor);
  }

  /**
   * Reads an order.
   *
   * @param json UTF-8 JSON
   * @return the order
   * @throws ProblemException when it is not JSON or not an order
   */
  public static Order readOrder(byte[] json) {
    JsonFields fields = JsonFields.of(JsonTree.parse(json));
    Long id = fields.id("id");
    String key = fields.optionalText("idempotencyKey");
    Currency currency = fields.currency("currency");
    BigDecimal total = fields.decimal("total");
    Instant createdAt = fields.instant("createdAt");
    List<JsonFields> lines = fields.objects("lines");
    List<OrderLine> read = new ArrayList<>();
    if (lines != null) {
      for (JsonFields line : lines) {
        Integer lineNo = line.wholeNumber("lineNo");
        Long productId = line.id("productId");
        String productName = line.text("productName");
        Integer quantity = line.wholeNumber("quantity");
        BigDecimal unitPrice = line.decimal("unitPrice");
        BigDecimal lineTotal = line.decimal("lineTotal");
        if (lineNo != null && productId != null && productName != null && quantity != null
            && unitPrice != null && lineTotal != null && currency != null) {
          read.add(new OrderLine(lineNo, productId, productName, quantity,
              new Money(unitPrice, currency), new Money(lineTotal, currency)));
        }
      }
    }
    fields.throwIfAny();
    return new Order(id, key, read, new Money(total, currency), createdAt);
  }

  /**
   * Reads the health answer.
   *
   * @param json UTF-8 JSON
   * @return the answer
   * @throws ProblemException when it is not JSON or not a health answer
   */
  public static Health readHealth(byte[] json) {
    JsonNode document = JsonTree.parse(json);
    JsonFields fields = JsonFields.of(document);
    String status = fields.text("status");
    String database = fields.text("database");
    fields.throwIfAny();
    return new Health(status, database, JsonTree.othersThan(document, HEALTH_MEMBERS));
  }

  /**
   * Reads a refusal. Any JSON object is accepted, as an answer from a gateway or proxy in front
   * of the API may be: a missing {@code type} is {@code about:blank}, a missing {@code detail}
   * is the {@code title}, a missing title is {@code "HTTP <status>"}; extension members of the
   * wrong shape are left out. The members of a {@link ProblemType#NOT_READY} problem that RFC
   * 9457 and the contract do not name are its parts.
   *
   * @param status the HTTP status, which the problem's {@code status} always is
   * @param json UTF-8 JSON, possibly empty
   * @return the problem
   * @throws ProblemException when the body is neither empty nor a JSON object
   */
  public static Problem readProblem(int status, byte[] json) {
    JsonNode body = json.length == 0 ? null : JsonTree.parse(json);
    if (body != null && !body.isObject()) {
      throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("body", "must be a JSON object"))));
    }
    String type = body == null ? null : text(body, "type");
    String title = body == null ? null : text(body, "title");
    String detail = body == null ? null : text(body, "detail");
    title = title != null ? title : "HTTP " + status;
    List<Problem.FieldError> errors = new ArrayList<>();
    List<Problem.Shortage> shortages = new ArrayList<>();
    if (body != null) {
      for (JsonNode error : body.path("errors")) {
        String field = text(error, "field");
        String message = text(error, "message");
        if (field != null && message != null) {
          errors.add(new Problem.FieldError(field, message));
        }
      }
      for (JsonNode shortage : body.path("shortages")) {
        JsonNode productId = shortage.path("productId");
        JsonNode requested = shortage.path("requested");
        JsonNode available = shortage.path("available");
        if (productId.canConvertToLong() && requested.canConvertToInt() && available.canConvertToInt()) {
          shortages.add(new Problem.Shortage(productId.longValue(), requested.intValue(), available.intValue()));
        }
      }
    }
    type = type == null ? ProblemType.BLANK_URI : type;
    return new Problem(
        type,
        title,
        status,
        detail != null ? detail : title,
        errors,
        shortages,
        body == null ? null : text(body, "correlationId"),
        body == null ? null : text(body, "database"),
        body != null && ProblemType.of(type) == ProblemType.NOT_READY ? JsonTree.othersThan(body, PROBLEM_MEMBERS) : null);
  }

  /**
   * Reads the body of {@code POST /products}.
   *
   * @param json UTF-8 JSON
   * @return the request
   * @throws ProblemException naming every missing or wrongly typed member
   */
  public static NewProductRequest readNewProductRequest(byte[] json) {
    JsonFields fields = JsonFields.of(JsonTree.parse(json));
    String name = fields.text("name");
    String category = fields.text("category");
    BigDecimal price = fields.decimal("price");
    Integer stock = fields.wholeNumber("stock");
    fields.throwIfAny();
    return new NewProductRequest(name, category, price, stock);
  }

  /**
   * Reads the body of {@code POST /products/{id}/restock}.
   *
   * @param json UTF-8 JSON
   * @return the request
   * @throws ProblemException naming every missing or wrongly typed member
   */
  public static RestockRequest readRestockRequest(byte[] json) {
    JsonFields fields = JsonFields.of(JsonTree.parse(json));
    Integer quantity = fields.wholeNumber("quantity");
    fields.throwIfAny();
    return new RestockRequest(quantity);
  }

  /**
   * Reads the body of {@code POST /orders}.
   *
   * @param json UTF-8 JSON
   * @return the request
   * @throws ProblemException naming every missing or wrongly typed member
   */
  public static OrderRequest readOrderRequest(byte[] json) {
    JsonFields fields = JsonFields.of(JsonTree.parse(json));
    List<JsonFields> lines = fields.objects("items");
    List<OrderRequest.Item> items = new ArrayList<>();
    if (lines != null) {
      for (JsonFields line : lines) {
        Long productId = line.id("productId");
        Integer quantity = line.wholeNumber("quantity");
        if (productId != null && quantity != null) {
          items.add(new OrderRequest.Item(productId, quantity));
        }
      }
    }
    fields.throwIfAny();
    return new OrderRequest(items);
  }

  /**
   * Parses a JSON document the contract does not type, such as a secret's value, with the same
   * hardened configuration.
   *
   * @param json the text
   * @return the tree
   * @throws ProblemException when it is not JSON
   */
  public static JsonNode readTree(String json) {
    return JsonTree.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonWriter product(JsonWriter out, Product product) {
    return out.beginObject()
        .name("id").value(product.id())
        .name("name").value(product.name())
        .name("category").value(product.category())
        .name("price").value(product.price().toPlainString())
        .name("currency").value(product.price().currency().getCurrencyCode())
        .name("stock").value(product.stock())
        .name("createdAt").value(product.createdAt().toString())
        .name("updatedAt").value(product.updatedAt().toString())
        .endObject();
  }

  private static Product product(JsonFields fields) {
    Long id = fields.id("id");
    String name = fields.text("name");
    String category = fields.text("category");
    BigDecimal price = fields.decimal("price");
    Currency currency = fields.currency("currency");
    Integer stock = fields.wholeNumber("stock");
    Instant createdAt = fields.instant("createdAt");
    Instant updatedAt = fields.instant("updatedAt");
    if (id == null || name == null || category == null || price == null || currency == null
        || stock == null || createdAt == null || updatedAt == null) {
      return null;
    }
    return new Product(id, name, category, new Money(price, currency), stock, createdAt, updatedAt);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
