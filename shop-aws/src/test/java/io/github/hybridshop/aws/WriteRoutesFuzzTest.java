package io.github.hybridshop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.hybridshop.aws.admin.AdminAccess;
import io.github.hybridshop.aws.admin.AdminHandler;
import io.github.hybridshop.aws.config.ShopSource;
import io.github.hybridshop.aws.http.ApiHandler;
import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.api.JsonWriter;
import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.aws.orders.OrdersHandler;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.testing.ShopDatabase;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile requests against every write route: wrong types, huge numbers, negative and
 * zero quantities, NaN, unicode, SQL metacharacters, missing fields, arrays for objects, bad
 * headers. Every answer is a success or a 4xx problem+json, never a 5xx, and a refused request
 * leaves the database exactly as it was.
 */
class WriteRoutesFuzzTest {
  static final String TOKEN = "fuzz-admin-token-0123456789";

  static ShopDatabase db;
  static Shop shop;
  static AdminHandler admin;
  static OrdersHandler orders;
  static LocalApiServer server;
  static HttpClientSupport http;

  @BeforeContainer
  static void start() throws java.io.IOException {
    db = ShopDatabase.create();
    shop = db.shop();
    admin = new AdminHandler(ShopSource.of(shop), AdminAccess.bearerToken(TOKEN));
    orders = new OrdersHandler(ShopSource.of(shop));
    for (int i = 1; i <= 3; i++) {
      shop.catalog().add(new NewProduct("Seed " + i, "Fuzz", new BigDecimal("1.00"), 1_000_000));
    }
    server = LocalApiServer.start(shop, TOKEN, 0);
    http = new HttpClientSupport(server.baseUri());
  }

  @AfterContainer
  static void stop() {
    server.close();
    db.close();
  }

  /** One generated request: route, path, body, headers, and whether the body is sent base64-encoded. */
  record Attempt(String routeKey, String path, String body, Map<String, String> headers, boolean base64) {}

  @Property(tries = 1000)
  void addProduct(@ForAll("addProducts") Attempt attempt) {
    check(admin, attempt);
  }

  @Property(tries = 1000)
  void restock(@ForAll("restocks") Attempt attempt) {
    check(admin, attempt);
  }

  @Property(tries = 1000)
  void buy(@ForAll("purchases") Attempt attempt) {
    check(orders, attempt);
  }

  @Property(tries = 150)
  void overHttp(@ForAll("anyWrite") Attempt attempt) throws Exception {
    Assume.that(attempt.headers().values().stream().allMatch(v -> v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)));
    Assume.that(!attempt.base64());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.baseUri().resolve(attempt.path()))
            .POST(HttpRequest.BodyPublishers.ofString(attempt.body() == null ? "" : attempt.body()));
    attempt.headers().forEach(request::header);
    String before = snapshot();
    HttpClientSupport.Reply reply = http.send(request);
    assertAnswer(reply.status(), reply.contentType(), reply.body(), before);
  }

  private static void check(ApiHandler handler, Attempt attempt) {
    String before = snapshot();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event(attempt), null);
    String type = response.getHeaders() == null ? "" : response.getHeaders().getOrDefault("Content-Type", "");
    assertAnswer(response.getStatusCode(), type, response.getBody(), before);
  }

  private static void assertAnswer(int status, String contentType, String body, String before) {
    assertThat(status).as(body).isLessThan(500);
    if (status >= 400) {
      assertThat(contentType).isEqualTo("application/problem+json");
      JsonNode problem = JsonCodec.readTree(body);
      assertThat(problem.get("status").asInt()).isEqualTo(status);
      assertThat(problem.get("type").asText()).startsWith("https://hybridshop.github.io/problems/");
      assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("INSERT ").doesNotContain("UPDATE shop");
      assertThat(snapshot()).as("database unchanged after a refused request").isEqualTo(before);
    } else {
      assertThat(status).isIn(200, 201);
    }
  }

  private static APIGatewayV2HTTPEvent event(Attempt attempt) {
    APIGatewayV2HTTPEvent event = Events.event(attempt.routeKey(), attempt.path(), attempt.headers(), attempt.body(), Map.of());
    if (attempt.base64() && attempt.body() != null) {
      event.setBody(Base64.getEncoder().encodeToString(attempt.body().getBytes(StandardCharsets.UTF_8)));
      event.setIsBase64Encoded(true);
    }
    return event;
  }

  private static String snapshot() {
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT concat_ws('/', (SELECT count(*) FROM shop.products), (SELECT coalesce(sum(stock), 0) FROM shop.products),"
                + " (SELECT count(*) FROM shop.orders), (SELECT count(*) FROM shop.order_lines),"
                + " (SELECT count(*) FROM shop.stock_movements), (SELECT max(updated_at) FROM shop.products))")
        .mapTo(String.class).one());
  }

  // ---- generators ----

  @Provide
  Arbitrary<Attempt> addProducts() {
    return Combinators.combine(object(List.of("name", "category", "price", "stock")), adminHeaders(), Arbitraries.of(false, false, true))
        .as((body, headers, base64) -> new Attempt("POST /products", "/products", body, headers, base64));
  }

  @Provide
  Arbitrary<Attempt> restocks() {
    Arbitrary<String> ids = Arbitraries.oneOf(
        Arbitraries.of("1", "2", "3", "0", "-1", "abc", "99999999999999999999", "1.5", "%27%20OR%201=1", "1e3"),
        Arbitraries.longs().map(String::valueOf));
    return Combinators.combine(ids, object(List.of("quantity")), adminHeaders(), Arbitraries.of(false, false, true))
        .as((id, body, headers, base64) ->
            new Attempt("POST /products/{id}/restock", "/products/" + id + "/restock", body, headers, base64));
  }

  @Provide
  Arbitrary<Attempt> purchases() {
    Arbitrary<String> line = object(List.of("productId", "quantity"));
    Arbitrary<String> items = Arbitraries.oneOf(
        line.list().ofMaxSize(4).map(list -> "[" + String.join(",", list) + "]"),
        values());
    Arbitrary<String> body = Arbitraries.oneOf(
        items.map(value -> "{\"items\":" + value + "}"),
        garbage());
    Arbitrary<Map<String, String>> headers = Combinators.combine(contentTypes(), idempotencyKeys())
        .as((type, key) -> {
          Map<String, String> map = new HashMap<>();
          type.ifPresent(t -> map.put("content-type", t));
          key.ifPresent(k -> map.put("idempotency-key", k));
          return map;
        });
    return Combinators.combine(body, headers, Arbitraries.of(false, false, true))
        .as((b, h, base64) -> new Attempt("POST /orders", "/orders", b, h, base64));
  }

  @Provide
  Arbitrary<Attempt> anyWrite() {
    return Arbitraries.oneOf(addProducts(), restocks(), purchases());
  }

  /** A JSON object with each field present (with a nasty or a plausible value) or missing, or garbage. */
  private static Arbitrary<String> object(List<String> fields) {
    Arbitrary<Optional<String>> maybe = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, values().map(Optional::of)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.<String>empty())));
    List<Arbitrary<Optional<String>>> parts = new ArrayList<>();
    fields.forEach(f -> parts.add(maybe));
    Arbitrary<String> objects = Combinators.combine(parts).as(values -> {
      List<String> members = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        String field = fields.get(i);
        values.get(i).ifPresent(v -> members.add(quoted(field) + ":" + v));
      }
      return "{" + String.join(",", members) + "}";
    });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, objects),
        net.jqwik.api.Tuple.of(1, garbage()),
        net.jqwik.api.Tuple.of(1, values()));
  }

  /** JSON values (and near-JSON tokens) that break types, ranges and text rules. */
  private static Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "null", "true", "false", "[]", "{}", "\"\"", "\"   \"", "NaN", "-Infinity", "Infinity", "1e999999999",
            "-1e-999999999", "-0", "0", "-1", "1", "2", "3", "10", "10000", "10001", "2147483647", "2147483648",
            "-2147483649", "9223372036854775807", "9223372036854775808", "1.5", "12.345", "0.1", "\"12.50\"",
            "\"1e3\"", "\"NaN\"", "\"-5\"", "\"0x10\"", "[1,2]", "[{\"productId\":1}]", "{\"a\":1}",
            "\"' OR 1=1 --\"", "\"Robert'); DROP TABLE shop.products;--\"", "\"\\u0000\"", "\"\\ud800\"",
            "\"\\udc00x\"", "\"😀 Tea\"", "\"Ünïcödé ✓\"", "\"%s%n\"", "\"<script>alert(1)</script>\"",
            "99999999999999999999999999999999999", "1" + "0".repeat(99), "\"" + "x".repeat(300) + "\""),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.bigDecimals().ofScale(3).map(BigDecimal::toPlainString),
        Arbitraries.strings().ofMaxLength(120).map(WriteRoutesFuzzTest::quoted));
  }

  private static String quoted(String text) {
    return new JsonWriter().value(text).toString();
  }

  private static Arbitrary<String> garbage() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "{", "}", "{\"items\":", "[]", "null", "\"text\"", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}",
            "{'name':'x'}", "{\"name\":\"x\",}", "\u0000", "\uFEFF{}"),
        Arbitraries.strings().ofMaxLength(200));
  }

  private static Arbitrary<Map<String, String>> adminHeaders() {
    Arbitrary<Optional<String>> auth = Arbitraries.oneOf(
        Arbitraries.of(Optional.of("Bearer " + TOKEN), Optional.of("Bearer " + TOKEN), Optional.of("bearer " + TOKEN),
            Optional.empty(), Optional.of("Bearer"), Optional.of("Bearer " + TOKEN + "x"), Optional.of("Basic " + TOKEN)),
        Arbitraries.strings().ofMaxLength(60).map(s -> Optional.of("Bearer " + s)));
    return Combinators.combine(auth, contentTypes()).as((a, type) -> {
      Map<String, String> map = new HashMap<>();
      a.ifPresent(v -> map.put("authorization", v));
      type.ifPresent(t -> map.put("content-type", t));
      return map;
    });
  }

  private static Arbitrary<Optional<String>> contentTypes() {
    return Arbitraries.of(
        Optional.of("application/json"), Optional.of("application/json"), Optional.of("application/json; charset=utf-8"),
        Optional.empty(), Optional.of("text/plain"), Optional.of("application/x-www-form-urlencoded"));
  }

  private static Arbitrary<Optional<String>> idempotencyKeys() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40).map(Optional::of),
        Arbitraries.strings().ofMaxLength(250).map(Optional::of),
        Arbitraries.just(Optional.<String>empty()),
        Arbitraries.of(Optional.of(""), Optional.of("x".repeat(201)), Optional.of("key with spaces"), Optional.of("ключ")));
  }
}
