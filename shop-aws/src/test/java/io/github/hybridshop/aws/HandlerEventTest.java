package io.github.hybridshop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.hybridshop.aws.admin.AdminAccess;
import io.github.hybridshop.aws.admin.AdminHandler;
import io.github.hybridshop.aws.config.ShopSource;
import io.github.hybridshop.aws.health.HealthHandler;
import io.github.hybridshop.aws.health.ReadinessCheck;
import io.github.hybridshop.aws.orders.OrdersHandler;
import io.github.hybridshop.aws.products.ProductsHandler;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.core.testing.ShopDatabaseExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Handlers called with recorded API Gateway events (JSON fixtures), on real PostgreSQL. */
@ExtendWith(ShopDatabaseExtension.class)
class HandlerEventTest {
  static final String TOKEN = "test-admin-token-0123456789";

  Shop shop;
  ProductsHandler products;
  AdminHandler admin;
  OrdersHandler orders;

  @BeforeEach
  void setUp(ShopDatabase db) {
    shop = db.shop();
    products = new ProductsHandler(ShopSource.of(shop));
    admin = new AdminHandler(ShopSource.of(shop), AdminAccess.bearerToken(TOKEN));
    orders = new OrdersHandler(ShopSource.of(shop));
  }

  static APIGatewayV2HTTPEvent fixture(String name) {
    return EventLoader.loadApiGatewayHttpEvent("events/" + name);
  }

  @Test
  void listsProductsOfACategoryAsPages() {
    for (int i = 1; i <= 3; i++) {
      shop.catalog().add(new NewProduct("Tea " + i, "Tea", new BigDecimal("1.50"), 5));
    }
    shop.catalog().add(new NewProduct("Mug", "Kitchen", new BigDecimal("9.00"), 5));

    APIGatewayV2HTTPResponse response = products.handleRequest(fixture("get-products.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    JsonNode body = Events.json(response);
    assertThat(body.get("items")).hasSize(2);
    assertThat(body.get("items").get(0).get("category").asText()).isEqualTo("Tea");
    assertThat(body.get("nextCursor").asText()).isEqualTo(body.get("items").get(1).get("id").asText());
  }

  @Test
  void returnsOneProductWithPriceAsDecimalString() {
    shop.catalog().add(new NewProduct("Sencha", "Tea", new BigDecimal("12.5"), 7));

    APIGatewayV2HTTPResponse response = products.handleRequest(fixture("get-product.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode product = Events.json(response);
    assertThat(product.get("price").isTextual()).isTrue();
    assertThat(product.get("price").asText()).isEqualTo("12.50");
    assertThat(product.get("currency").asText()).isEqualTo("EUR");
    assertThat(product.get("stock").asInt()).isEqualTo(7);
    assertThat(product.fieldNames()).toIterable()
        .containsExactly("id", "name", "category", "price", "currency", "stock", "createdAt", "updatedAt");
  }

  @Test
  void unknownProductIsA404Problem() {
    APIGatewayV2HTTPResponse response = products.handleRequest(fixture("get-product.json"), null);

    assertProblem(response, 404, "not-found");
  }

  @Test
  void adminAddsAProductWithLocation() {
    APIGatewayV2HTTPResponse response = admin.handleRequest(fixture("post-product.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    JsonNode product = Events.json(response);
    assertThat(response.getHeaders()).containsEntry("Location", "/products/" + product.get("id").asLong());
    assertThat(product.get("price").asText()).isEqualTo("12.50");
    assertThat(shop.catalog().get(product.get("id").asLong()).stock()).isEqualTo(10);
  }

  @Test
  void sameProductTwiceIsA409() {
    admin.handleRequest(fixture("post-product.json"), null);

    assertProblem(admin.handleRequest(fixture("post-product.json"), null), 409, "duplicate-product");
  }

  @Test
  void adminRouteWithoutTokenIs401WithChallengeAndWritesNothing(ShopDatabase db) {
    APIGatewayV2HTTPResponse response = admin.handleRequest(fixture("post-product-no-token.json"), null);

    assertProblem(response, 401, "unauthorized");
    assertThat(response.getHeaders().get("WWW-Authenticate")).startsWith("Bearer");
    assertThat(shop.catalog().list(io.github.hybridshop.core.catalog.ProductQuery.all()).items()).isEmpty();
  }

  @Test
  void wrongTokenIs401() {
    APIGatewayV2HTTPEvent event = fixture("post-product.json");
    event.setHeaders(Map.of("authorization", "Bearer test-admin-token-0123456780", "content-type", "application/json"));

    assertProblem(admin.handleRequest(event, null), 401, "unauthorized");
  }

  @Test
  void jwtAuthorizerSubjectIsTrustedWhenConfigured() {
    AdminHandler jwtAdmin = new AdminHandler(ShopSource.of(shop), AdminAccess.jwtSubjects(Set.of("112233445566778899000")));
    AdminHandler otherSubject = new AdminHandler(ShopSource.of(shop), AdminAccess.jwtSubjects(Set.of("someone-else")));

    assertProblem(otherSubject.handleRequest(fixture("post-product-jwt.json"), null), 401, "unauthorized");
    APIGatewayV2HTTPResponse response = jwtAdmin.handleRequest(fixture("post-product-jwt.json"), null);
    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(Events.json(response).get("price").asText()).isEqualTo("4.50");
    // The bearer token rule does not accept a Google token, and the JWT rule ignores bearer tokens.
    assertProblem(jwtAdmin.handleRequest(fixture("post-product.json"), null), 401, "unauthorized");
  }

  @Test
  void ordersWithABase64EncodedBody() {
    Product tea = shop.catalog().add(new NewProduct("Sencha", "Tea", new BigDecimal("12.50"), 10));
    assertThat(tea.id()).isEqualTo(1);

    APIGatewayV2HTTPResponse response = orders.handleRequest(fixture("post-order-base64.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    JsonNode order = Events.json(response);
    assertThat(order.get("total").asText()).isEqualTo("25.00");
    assertThat(order.get("lines").get(0).get("unitPrice").asText()).isEqualTo("12.50");
    assertThat(response.getHeaders()).containsEntry("Location", "/orders/" + order.get("id").asLong());
    assertThat(shop.catalog().get(1).stock()).isEqualTo(8);

    APIGatewayV2HTTPResponse fetched =
        orders.handleRequest(Events.get("GET /orders/{id}", "/orders/" + order.get("id").asLong()), null);
    assertThat(fetched.getStatusCode()).isEqualTo(200);
    assertThat(Events.json(fetched)).isEqualTo(order);
  }

  @Test
  void malformedJsonIs400NamingTheProblem() {
    APIGatewayV2HTTPResponse response = orders.handleRequest(fixture("post-order-malformed.json"), null);

    JsonNode problem = assertProblem(response, 400, "malformed-json");
    assertThat(problem.get("detail").asText()).contains("Malformed JSON").contains("line 1");
  }

  @Test
  void defaultRouteIsMatchedByPathAndWrongMethodIs405WithAllow() {
    APIGatewayV2HTTPResponse response = orders.handleRequest(fixture("default-route-delete.json"), null);

    assertProblem(response, 405, "method-not-allowed");
    assertThat(response.getHeaders()).containsEntry("Allow", "POST");
  }

  @Test
  void unknownPathOnDefaultRouteIs404() {
    APIGatewayV2HTTPResponse response = orders.handleRequest(Events.get("$default", "/nope"), null);

    assertProblem(response, 404, "not-found");
  }

  @Test
  void healthReportsTheDatabase() {
    APIGatewayV2HTTPResponse response = new HealthHandler(ShopSource.of(shop)).handleRequest(fixture("get-health.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(Events.json(response).get("database").asText()).isEqualTo("up");
  }

  @Test
  void healthWithMorePartsAnswers503NotReadyUntilEveryPartIsUp() {
    AtomicBoolean replicating = new AtomicBoolean(false);
    HealthHandler health =
        new HealthHandler(
            ShopSource.of(shop),
            List.of(() -> new ReadinessCheck.Part(
                "replication", replicating.get(), Map.of("state", replicating.get() ? "up" : "starting"))));

    APIGatewayV2HTTPResponse starting = health.handleRequest(fixture("get-health.json"), null);
    JsonNode problem = assertProblem(starting, 503, "not-ready");
    assertThat(starting.getHeaders()).containsKey("Retry-After");
    assertThat(problem.get("detail").asText()).contains("replication");
    assertThat(problem.get("database").asText()).isEqualTo("up");
    assertThat(problem.get("replication").get("state").asText()).isEqualTo("starting");

    replicating.set(true);
    APIGatewayV2HTTPResponse ready = health.handleRequest(fixture("get-health.json"), null);
    assertThat(ready.getStatusCode()).isEqualTo(200);
    JsonNode body = Events.json(ready);
    assertThat(body.get("status").asText()).isEqualTo("ok");
    assertThat(body.get("database").asText()).isEqualTo("up");
    assertThat(body.get("replication").get("state").asText()).isEqualTo("up");
  }

  @Test
  void aBugIsA500WithOnlyACorrelationId() {
    ProductsHandler broken = new ProductsHandler(() -> {
      throw new IllegalStateException("boom in SELECT * FROM shop.products");
    });

    APIGatewayV2HTTPResponse response = broken.handleRequest(fixture("get-products.json"), null);

    JsonNode problem = assertProblem(response, 500, "internal-error");
    assertThat(problem.get("correlationId").asText()).isEqualTo("req-get-products");
    assertThat(response.getBody()).doesNotContain("boom").doesNotContain("SELECT").doesNotContain("Exception");
  }

  @Test
  void aLostDatabaseIsA503WithRetryAfter() {
    OrdersHandler down = new OrdersHandler(() -> {
      throw new org.jdbi.v3.core.ConnectionException(new java.sql.SQLException("Connection refused", "08001"));
    });

    APIGatewayV2HTTPResponse response = down.handleRequest(fixture("post-order-base64.json"), null);

    assertProblem(response, 503, "database-unavailable");
    assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
  }

  @Test
  void routesAreTheContractsRoutes() {
    assertThat(products.routes()).isEqualTo(ProductsHandler.ROUTES).containsExactly("GET /products", "GET /products/{id}");
    assertThat(admin.routes()).isEqualTo(AdminHandler.ROUTES).containsExactly("POST /products", "POST /products/{id}/restock");
    assertThat(orders.routes()).isEqualTo(OrdersHandler.ROUTES).containsExactly("POST /orders", "GET /orders/{id}");
    assertThat(new HealthHandler(ShopSource.of(shop)).routes()).isEqualTo(HealthHandler.ROUTES).containsExactly("GET /health");
  }

  static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String slug) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode problem = Events.json(response);
    assertThat(problem.get("type").asText()).isEqualTo("https://hybridshop.github.io/problems/" + slug);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    return problem;
  }
}
