package io.github.hybridshop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every record survives a write and a read, and readers name every bad member at once. */
class JsonCodecTest {
  private static final Instant AT = Instant.parse("2026-12-01T06:00:00.123456Z");
  private static final Product TEA =
      new Product(7, "Tè \"verde\"", "Tea", Money.of("12.50", "EUR"), 3, AT, AT.plusSeconds(60));

  private static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static Problem problemOf(Runnable read) {
    try {
      read.run();
    } catch (ProblemException e) {
      return e.problem();
    }
    throw new AssertionError("no ProblemException");
  }

  @Test
  void productsAndPagesRoundTripWithExactMoney() {
    assertThat(JsonCodec.write(TEA))
        .isEqualTo("{\"id\":7,\"name\":\"Tè \\\"verde\\\"\",\"category\":\"Tea\",\"price\":\"12.50\",\"currency\":\"EUR\","
            + "\"stock\":3,\"createdAt\":\"2026-12-01T06:00:00.123456Z\",\"updatedAt\":\"2026-12-01T06:01:00.123456Z\"}");
    assertThat(JsonCodec.readProduct(utf8(JsonCodec.write(TEA)))).isEqualTo(TEA);

    ProductPage page = new ProductPage(List.of(TEA, TEA), "7");
    assertThat(JsonCodec.readProductPage(utf8(JsonCodec.write(page)))).isEqualTo(page);
    ProductPage last = new ProductPage(List.of(), null);
    assertThat(JsonCodec.write(last)).isEqualTo("{\"items\":[],\"nextCursor\":null}");
    assertThat(JsonCodec.readProductPage(utf8(JsonCodec.write(last)))).isEqualTo(last);
  }

  @Test
  void ordersRoundTripWithTheirIdempotencyKey() {
    Order order = new Order(9, "key-1",
        List.of(new OrderLine(1, 7, "Tea", 2, Money.of("1.25", "EUR"), Money.of("2.50", "EUR"))),
        Money.of("2.50", "EUR"), AT);
    String json = JsonCodec.write(order);
    assertThat(json).contains("\"idempotencyKey\":\"key-1\"");
    assertThat(JsonCodec.readOrder(utf8(json))).isEqualTo(order);

    Order keyless = new Order(10, null, order.lines(), order.total(), AT);
    assertThat(JsonCodec.readOrder(utf8(JsonCodec.write(keyless)))).isEqualTo(keyless);
  }

  @Test
  void requestsRoundTrip() {
    NewProductRequest add = new NewProductRequest("Tea", "Drinks", new BigDecimal("0.10"), 5);
    assertThat(JsonCodec.write(add)).isEqualTo("{\"name\":\"Tea\",\"category\":\"Drinks\",\"price\":\"0.10\",\"stock\":5}");
    assertThat(JsonCodec.readNewProductRequest(utf8(JsonCodec.write(add)))).isEqualTo(add);

    RestockRequest restock = new RestockRequest(4);
    assertThat(JsonCodec.readRestockRequest(utf8(JsonCodec.write(restock)))).isEqualTo(restock);

    OrderRequest cart = new OrderRequest(List.of(new OrderRequest.Item(3, 2), new OrderRequest.Item(4, 1)));
    assertThat(JsonCodec.readOrderRequest(utf8(JsonCodec.write(cart)))).isEqualTo(cart);

    assertThat(JsonCodec.write(Health.UP)).isEqualTo("{\"status\":\"ok\",\"database\":\"up\"}");
    assertThat(JsonCodec.readHealth(utf8(JsonCodec.write(Health.UP)))).isEqualTo(Health.UP);
    Health local = new Health("ok", "up", Map.of("replication", Map.of("state", "up", "active", true, "lag", List.of(1L))));
    assertThat(JsonCodec.readHealth(utf8(JsonCodec.write(local)))).isEqualTo(local);
  }

  @Test
  void aPriceMayBeAJsonNumberButNeverAnAbsurdOne() {
    assertThat(JsonCodec.readNewProductRequest(utf8("{\"name\":\"a\",\"category\":\"b\",\"price\":1.5,\"stock\":1}")).price())
        .isEqualByComparingTo("1.5");
    Problem problem = problemOf(() ->
        JsonCodec.readNewProductRequest(utf8("{\"name\":\"a\",\"category\":\"b\",\"price\":1e999999,\"stock\":1}")));
    assertThat(problem.errors()).containsExactly(new Problem.FieldError("price", "must be a decimal number such as 12.50"));
  }

  @Test
  void readersNameEveryMissingOrWronglyTypedMemberAtOnce() {
    Problem problem = problemOf(() -> JsonCodec.readOrderRequest(
        utf8("{\"items\":[{\"productId\":\"1\"},7,{\"productId\":2,\"quantity\":1.5}]}")));
    assertThat(problem.kind()).isEqualTo(ProblemType.VALIDATION);
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors()).containsExactly(
        new Problem.FieldError("items[1]", "must be an object"),
        new Problem.FieldError("items[0].productId", "must be a whole number"),
        new Problem.FieldError("items[0].quantity", "is required"),
        new Problem.FieldError("items[2].quantity", "must be a whole number"));
    assertThat(problem.detail()).isEqualTo("Invalid input: items[1] must be an object; "
        + "items[0].productId must be a whole number; items[0].quantity is required; "
        + "items[2].quantity must be a whole number");

    Problem product = problemOf(() -> JsonCodec.readProduct(utf8("{\"id\":1,\"name\":\"a\",\"category\":\"b\","
        + "\"price\":\"1.00\",\"currency\":\"EURO\",\"stock\":1,\"createdAt\":\"yesterday\"}")));
    assertThat(product.errors()).extracting(Problem.FieldError::field).containsExactly("currency", "createdAt", "updatedAt");

    assertThat(problemOf(() -> JsonCodec.readRestockRequest(utf8("[1]"))).errors())
        .containsExactly(new Problem.FieldError("body", "must be a JSON object"));
  }

  @Test
  void textThatIsNotJsonIsAMalformedJsonProblemSayingWhere() {
    Problem problem = problemOf(() -> JsonCodec.readRestockRequest(utf8("{\"quantity\": 1,}")));
    assertThat(problem.kind()).isEqualTo(ProblemType.MALFORMED_JSON);
    assertThat(problem.detail()).startsWith("Malformed JSON: ").contains("line 1, column");
    assertThat(problemOf(() -> JsonCodec.readRestockRequest(new byte[0])).detail())
        .isEqualTo("Malformed JSON: the body is empty; send a JSON object");
    assertThat(problemOf(() -> JsonCodec.readRestockRequest(utf8("{\"quantity\":1,\"quantity\":2}"))).kind())
        .isEqualTo(ProblemType.MALFORMED_JSON);
    assertThat(problemOf(() -> JsonCodec.readRestockRequest(utf8("{\"quantity\":1} {}"))).kind())
        .isEqualTo(ProblemType.MALFORMED_JSON);
  }

  @Test
  void problemsRoundTripWithTheirExtensions() {
    Problem stock = Problem.of(ProblemType.INSUFFICIENT_STOCK, "short")
        .withShortages(List.of(new Problem.Shortage(4, 5, 2)));
    assertThat(JsonCodec.write(stock)).isEqualTo(
        "{\"type\":\"https://hybridshop.github.io/problems/insufficient-stock\",\"title\":\"Insufficient stock\","
            + "\"status\":409,\"detail\":\"short\",\"shortages\":[{\"productId\":4,\"requested\":5,\"available\":2}]}");
    assertThat(JsonCodec.readProblem(409, utf8(JsonCodec.write(stock)))).isEqualTo(stock);

    Problem invalid = Problem.invalid(List.of(new Problem.FieldError("price", "must not be negative")));
    assertThat(JsonCodec.readProblem(400, utf8(JsonCodec.write(invalid)))).isEqualTo(invalid);

    Problem internal = Problem.of(ProblemType.INTERNAL_ERROR, "quote x").withCorrelationId("x");
    assertThat(JsonCodec.readProblem(500, utf8(JsonCodec.write(internal)))).isEqualTo(internal);

    Problem down = Problem.of(ProblemType.DATABASE_UNAVAILABLE, "retry").withDatabase("down");
    assertThat(JsonCodec.readProblem(503, utf8(JsonCodec.write(down)))).isEqualTo(down);

    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("replication", Map.of("state", "starting", "lagBytes", 12L));
    parts.put("web", Map.of("state", "up"));
    Problem notReady = Problem.of(ProblemType.NOT_READY, "replication").withDatabase("up").withParts(parts);
    assertThat(JsonCodec.write(notReady)).contains(",\"database\":\"up\",\"replication\":{");
    assertThat(JsonCodec.readProblem(503, utf8(JsonCodec.write(notReady)))).isEqualTo(notReady);
  }

  @Test
  void aBodyWithoutATypeIsAboutBlankAndAnUnknownTypeIsOther() {
    Problem gateway = JsonCodec.readProblem(401, utf8("{\"message\":\"Unauthorized\"}"));
    assertThat(gateway.kind()).isEqualTo(ProblemType.ABOUT_BLANK);
    assertThat(gateway.status()).isEqualTo(401);
    assertThat(gateway.detail()).isEqualTo("HTTP 401");
    assertThat(JsonCodec.readProblem(404, new byte[0]).kind()).isEqualTo(ProblemType.ABOUT_BLANK);

    Problem foreign = JsonCodec.readProblem(409, utf8("{\"type\":\"https://example.com/insufficient-stock\","
        + "\"title\":\"Other\",\"shortages\":[{\"productId\":1,\"requested\":2,\"available\":1}]}"));
    assertThat(foreign.kind()).isEqualTo(ProblemType.OTHER);
    assertThat(foreign.detail()).isEqualTo("Other");
    assertThatThrownBy(() -> JsonCodec.readProblem(400, utf8("[]"))).isInstanceOf(ProblemException.class);
  }

  @Test
  void everyTypeTheApiSendsIsFoundByItsUri() {
    for (ProblemType type : ProblemType.values()) {
      if (type.defined()) {
        assertThat(ProblemType.of(type.uri())).isEqualTo(type);
        assertThat(type.uri()).isEqualTo(ProblemType.TYPE_BASE + type.slug());
        assertThat(type.status()).isBetween(400, 599);
      }
    }
    assertThat(ProblemType.of(ProblemType.TYPE_BASE + "no-such-type")).isEqualTo(ProblemType.OTHER);
    assertThat(ProblemType.of("about:blank")).isEqualTo(ProblemType.ABOUT_BLANK);
    assertThatThrownBy(ProblemType.OTHER::status).isInstanceOf(IllegalStateException.class);
  }
}
