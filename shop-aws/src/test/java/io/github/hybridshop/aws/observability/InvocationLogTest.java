package io.github.hybridshop.aws.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hybridshop.aws.Events;
import io.github.hybridshop.aws.admin.AdminAccess;
import io.github.hybridshop.aws.admin.AdminHandler;
import io.github.hybridshop.aws.config.Environment;
import io.github.hybridshop.aws.config.LambdaEnvironment;
import io.github.hybridshop.aws.config.ShopSource;
import io.github.hybridshop.aws.health.HealthHandler;
import io.github.hybridshop.aws.orders.OrdersHandler;
import io.github.hybridshop.aws.products.ProductsHandler;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.core.testing.ShopDatabaseExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The handlers' one JSON line per invocation, parsed back with Jackson: the fields, the Embedded
 * Metric Format metadata (namespace, dimension sets, metric names and units, each named member
 * present), the in-process counters, and no secret or customer data in any line.
 */
@ExtendWith(ShopDatabaseExtension.class)
class InvocationLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_TOKEN = "admin-token-never-logged-0123456789";
  private static final String BEARER = "Bearer customer-jwt-never-logged.abc.def";
  private static final String EMAIL = "buyer.never.logged@example.com";
  private static final String KEY = "key-never-in-metrics-0001";

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final ShopCounters counters = new ShopCounters();
  private final InvocationSink sink =
      new EmfLog(new JsonLines(new PrintStream(logged, true, StandardCharsets.UTF_8)), "shop-orders").andThen(counters);
  private long productId;

  @BeforeEach
  void oneProduct(ShopDatabase db) {
    productId = db.shop().catalog().add(new NewProduct("Sencha", "Tea", new BigDecimal("4.50"), 5)).id();
  }

  @Test
  void aPlacedOrderAReplayAndAStockOutEachWriteOneLineWithTheirMetrics(ShopDatabase db) throws Exception {
    OrdersHandler orders = new OrdersHandler(ShopSource.of(db.shop()), sink);
    String cart = "{\"items\":[{\"productId\":" + productId + ",\"quantity\":3}]}";
    Map<String, String> headers = Map.of("Idempotency-Key", KEY, "Authorization", BEARER, "From", EMAIL);

    int placed = orders.handleRequest(Events.post("POST /orders", "/orders", cart, headers), context("lambda-1")).getStatusCode();
    int replayed = orders.handleRequest(Events.post("POST /orders", "/orders", cart, headers), context("lambda-2")).getStatusCode();
    int refused = orders.handleRequest(
        Events.post("POST /orders", "/orders", cart, Map.of("Idempotency-Key", "another-key", "Authorization", BEARER)),
        context("lambda-3")).getStatusCode();

    assertThat(List.of(placed, replayed, refused)).containsExactly(201, 201, 409);
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(3);
    long orderId = db.shop().checkout().find(1).orElseThrow().id();

    JsonNode sale = lines.get(0);
    assertRequestLine(sale, "lambda-1", "POST /orders", 201);
    assertThat(sale.get("coldStart").asBoolean()).isTrue();
    assertThat(sale.get("orderId").asLong()).isEqualTo(orderId);
    assertThat(sale.get("units").asInt()).isEqualTo(3);
    assertThat(sale.get("replay").asBoolean()).isFalse();
    assertMetrics(sale, "POST /orders", Map.of("OrdersPlaced", 1, "UnitsSold", 3));

    JsonNode replay = lines.get(1);
    assertRequestLine(replay, "lambda-2", "POST /orders", 201);
    assertThat(replay.get("coldStart").asBoolean()).isFalse();
    assertThat(replay.get("orderId").asLong()).isEqualTo(orderId);
    assertThat(replay.get("replay").asBoolean()).isTrue();
    assertMetrics(replay, "POST /orders", Map.of("IdempotentReplays", 1));

    JsonNode stockOut = lines.get(2);
    assertRequestLine(stockOut, "lambda-3", "POST /orders", 409);
    assertThat(stockOut.get("problem").asText()).isEqualTo("insufficient-stock");
    assertThat(stockOut.has("orderId")).isFalse();
    assertMetrics(stockOut, "POST /orders", Map.of("StockOuts", 1));

    assertThat(counters.snapshot()).isEqualTo(new ShopCounters.Snapshot(1, 3, 1, 1, 0));
    assertNoSecrets();
  }

  @Test
  void readsAdminWritesAndUnknownRoutesLogWithoutMetricsOrTokens(ShopDatabase db) throws Exception {
    ProductsHandler products = new ProductsHandler(ShopSource.of(db.shop()), sink);
    AdminHandler admin = new AdminHandler(ShopSource.of(db.shop()), AdminAccess.bearerToken(ADMIN_TOKEN), sink);

    products.handleRequest(Events.get("GET /products/{id}", "/products/" + productId), null);
    admin.handleRequest(Events.post("POST /products", "/products",
        "{\"name\":\"Hojicha\",\"category\":\"Tea\",\"price\":\"5.10\",\"stock\":2}",
        Map.of("Authorization", "Bearer " + ADMIN_TOKEN)), null);
    admin.handleRequest(Events.post("POST /products", "/products", "{}", Map.of("Authorization", "Bearer wrong-" + ADMIN_TOKEN)), null);
    products.handleRequest(Events.get("$default", "/nowhere"), null);

    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(4);
    assertRequestLine(lines.get(0), null, "GET /products/{id}", 200);
    assertRequestLine(lines.get(1), null, "POST /products", 201);
    assertRequestLine(lines.get(2), null, "POST /products", 401);
    assertThat(lines.get(2).get("problem").asText()).isEqualTo("unauthorized");
    assertRequestLine(lines.get(3), null, Invocation.UNMATCHED, 404);
    for (JsonNode line : lines) {
      assertThat(line.has("_aws")).as(line.toString()).isFalse();
    }
    assertThat(counters.snapshot()).isEqualTo(new ShopCounters.Snapshot(0, 0, 0, 0, 0));
    assertNoSecrets();
  }

  @Test
  void aDatabaseOutageCountsEvery503(ShopDatabase db) throws Exception {
    String refused = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/shop";
    LambdaEnvironment lambda = new LambdaEnvironment(
        new Environment(Map.of("SHOP_DB_URL", refused, "DB_USER", db.user(), "DB_PASSWORD", db.password())),
        (variable, arn) -> null);
    OrdersHandler orders = new OrdersHandler(lambda::shop, sink);
    HealthHandler health = new HealthHandler(lambda::shop, List.of(), sink);

    int bought = orders.handleRequest(Events.post("POST /orders", "/orders",
        "{\"items\":[{\"productId\":1,\"quantity\":1}]}", Map.of("Idempotency-Key", KEY, "Authorization", BEARER)), null)
        .getStatusCode();
    int checked = health.handleRequest(Events.get("GET /health", "/health"), null).getStatusCode();

    assertThat(List.of(bought, checked)).containsExactly(503, 503);
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(2);
    assertMetrics(lines.get(0), "POST /orders", Map.of("DatabaseUnavailable", 1));
    assertMetrics(lines.get(1), "GET /health", Map.of("DatabaseUnavailable", 1));
    assertThat(lines.get(0).get("problem").asText()).isEqualTo("database-unavailable");
    assertThat(counters.snapshot().databaseUnavailable()).isEqualTo(2);
    assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain(db.password());
    assertNoSecrets();
  }

  private static void assertRequestLine(JsonNode line, String requestId, String route, int status) {
    assertThat(line.get("type").asText()).isEqualTo("request");
    if (requestId == null) {
      assertThat(line.has("requestId")).isFalse();
    } else {
      assertThat(line.get("requestId").asText()).isEqualTo(requestId);
    }
    assertThat(line.get("apiRequestId").asText()).isEqualTo("test-request");
    assertThat(line.get("route").asText()).isEqualTo(route);
    assertThat(line.get("status").asInt()).isEqualTo(status);
    assertThat(line.get("durationMs").isIntegralNumber()).isTrue();
    assertThat(line.get("durationMs").asLong()).isNotNegative();
    assertThat(line.get("coldStart").isBoolean()).isTrue();
  }

  /** Checks the line against the EMF specification's rules and the expected metric values. */
  private static void assertMetrics(JsonNode line, String route, Map<String, Integer> expected) {
    JsonNode aws = line.get("_aws");
    assertThat(aws).as(line.toString()).isNotNull();
    assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
    assertThat(aws.get("Timestamp").asLong()).isPositive();
    JsonNode directives = aws.get("CloudWatchMetrics");
    assertThat(directives).hasSize(1);
    JsonNode directive = directives.get(0);
    assertThat(directive.get("Namespace").asText()).isEqualTo("HybridShop");
    assertThat(JSON.convertValue(directive.get("Dimensions"), List.class))
        .isEqualTo(List.of(List.of("Function"), List.of("Function", "Route")));
    for (JsonNode set : directive.get("Dimensions")) {
      for (JsonNode name : set) {
        // Every dimension a directive names must be a string member of the root.
        assertThat(line.get(name.asText()).isTextual()).as(name.asText()).isTrue();
      }
    }
    assertThat(line.get("Function").asText()).isEqualTo("shop-orders");
    assertThat(line.get("Route").asText()).isEqualTo(route);
    List<String> names = new ArrayList<>();
    for (JsonNode metric : directive.get("Metrics")) {
      names.add(metric.get("Name").asText());
      assertThat(metric.get("Unit").asText()).isEqualTo("Count");
      assertThat(line.get(metric.get("Name").asText()).isNumber()).isTrue();
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((name, value) -> assertThat(line.get(name).asInt()).as(name).isEqualTo(value));
  }

  private void assertNoSecrets() {
    String all = logged.toString(StandardCharsets.UTF_8);
    assertThat(all)
        .doesNotContain(ADMIN_TOKEN)
        .doesNotContain("customer-jwt-never-logged")
        .doesNotContain(EMAIL)
        .doesNotContainIgnoringCase("authorization")
        .doesNotContain("Sencha")
        .doesNotContain("Hojicha");
  }

  private List<JsonNode> lines() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    Iterator<String> it = logged.toString(StandardCharsets.UTF_8).lines().iterator();
    while (it.hasNext()) {
      out.add(JSON.readTree(it.next()));
    }
    return out;
  }

  /** A Lambda context that only knows its request id, which is all the handlers read. */
  private static Context context(String requestId) {
    return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
        (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? requestId : null);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
