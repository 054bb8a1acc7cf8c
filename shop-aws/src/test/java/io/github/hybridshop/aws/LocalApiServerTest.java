package io.github.hybridshop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hybridshop.aws.HttpClientSupport.Reply;
import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.aws.local.RequestCounts;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.core.testing.ShopDatabaseExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every route over real HTTP through the local API server, on real PostgreSQL. */
@ExtendWith(ShopDatabaseExtension.class)
class LocalApiServerTest {
  static final String TOKEN = "local-admin-token-abcdefghijkl";

  Shop shop;
  LocalApiServer server;
  HttpClientSupport http;

  @BeforeEach
  void start(ShopDatabase db) throws IOException {
    shop = db.shop();
    server = LocalApiServer.start(shop, TOKEN, 0);
    http = new HttpClientSupport(server.baseUri());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void countsEveryAnswerByRouteAndStatusClass() {
    assertThat(http.get("/health").status()).isEqualTo(200);
    assertThat(http.get("/products/999999999").status()).isEqualTo(404);
    assertThat(http.post("/products", "{}", "Authorization", "Bearer wrong-token-0123456789").status()).isEqualTo(401);
    assertThat(http.get("/no-such-route").status()).isEqualTo(404);

    assertThat(server.requestCounts().snapshot())
        .containsExactly(
            new RequestCounts.Route("GET /health", 1, 0, 0),
            new RequestCounts.Route("GET /products/{id}", 1, 1, 0),
            new RequestCounts.Route("POST /products", 1, 1, 0),
            new RequestCounts.Route(RequestCounts.UNMATCHED, 1, 1, 0));
  }

  @Test
  void everyRouteWorksOverHttp() {
    assertThat(http.get("/health").status()).isEqualTo(200);
    assertThat(http.get("/health").json().get("status").asText()).isEqualTo("ok");

    Reply created =
        http.post("/products", "{\"name\":\"Sencha\",\"category\":\"Tea\",\"price\":\"12.50\",\"stock\":5}",
            "Authorization", "Bearer " + TOKEN);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(created.headers().firstValue("location")).hasValue("/products/" + id);

    Reply restocked =
        http.post("/products/" + id + "/restock", "{\"quantity\":5}", "Authorization", "Bearer " + TOKEN);
    assertThat(restocked.status()).isEqualTo(200);
    assertThat(restocked.json().get("stock").asInt()).isEqualTo(10);

    Reply list = http.get("/products?category=Tea&q=sen&limit=10");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("items")).hasSize(1);
    assertThat(list.json().get("nextCursor").isNull()).isTrue();

    Reply one = http.get("/products/" + id);
    assertThat(one.json().get("price").asText()).isEqualTo("12.50");

    Reply order =
        http.post("/orders", "{\"items\":[{\"productId\":" + id + ",\"quantity\":3}]}", "Idempotency-Key", "order-1");
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    assertThat(order.json().get("total").asText()).isEqualTo("37.50");
    assertThat(order.json().get("idempotencyKey").asText()).isEqualTo("order-1");
    long orderId = order.json().get("id").asLong();

    Reply fetched = http.get("/orders/" + orderId);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(order.json());
  }

  @Test
  void failuresAreProblemJson() {
    Product tea = shop.catalog().add(new NewProduct("Sencha", "Tea", new BigDecimal("2.00"), 1));

    assertProblem(http.get("/nowhere"), 404, "not-found");
    assertProblem(http.get("/products/999"), 404, "not-found");
    assertProblem(http.get("/products/abc"), 404, "not-found");
    assertProblem(http.get("/orders/5"), 404, "not-found");
    assertProblem(http.get("/products?limit=1000"), 400, "validation");
    assertProblem(http.get("/products?limit=x"), 400, "validation");
    Reply wrongMethod = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/products/1")).DELETE());
    assertProblem(wrongMethod, 405, "method-not-allowed");
    assertThat(wrongMethod.headers().firstValue("allow")).hasValue("GET");
    assertProblem(http.post("/products", "{}"), 401, "unauthorized");
    assertProblem(http.post("/products", "{\"name\":1}", "Authorization", "Bearer " + TOKEN), 400, "validation");
    assertProblem(http.post("/orders", "{\"items\":[{\"productId\":" + tea.id() + ",\"quantity\":1}]"), 400, "malformed-json");
    assertProblem(http.post("/orders", "{\"items\":[{\"productId\":" + tea.id() + ",\"quantity\":1}]}"), 400, "validation");
    assertProblem(http.post("/orders", "{\"items\":[{\"productId\":424242,\"quantity\":1}]}", "Idempotency-Key", "k0"), 404, "not-found");
    assertProblem(http.post("/orders", "x".repeat(70_000), "Idempotency-Key", "k1"), 413, "payload-too-large");
    assertProblem(
        http.send(HttpRequest.newBuilder(server.baseUri().resolve("/orders"))
            .header("Content-Type", "text/plain").header("Idempotency-Key", "k2")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        415, "unsupported-media-type");

    Reply shortage =
        http.post("/orders", "{\"items\":[{\"productId\":" + tea.id() + ",\"quantity\":2}]}", "Idempotency-Key", "k3");
    JsonNode problem = assertProblem(shortage, 409, "insufficient-stock");
    assertThat(problem.get("shortages").get(0).get("productId").asLong()).isEqualTo(tea.id());
    assertThat(problem.get("shortages").get(0).get("requested").asInt()).isEqualTo(2);
    assertThat(problem.get("shortages").get(0).get("available").asInt()).isEqualTo(1);

    assertThat(http.post("/orders", "{\"items\":[{\"productId\":" + tea.id() + ",\"quantity\":1}]}", "Idempotency-Key", "k4").status())
        .isEqualTo(201);
    assertProblem(
        http.post("/orders", "{\"items\":[{\"productId\":" + tea.id() + ",\"quantity\":1},{\"productId\":" + tea.id() + ",\"quantity\":1}]}",
            "Idempotency-Key", "k4"),
        422, "idempotency-key-reused");
  }

  @Test
  void sixtyFourBuyersOnTenUnitsGetTenOrders() throws Exception {
    Product hot = shop.catalog().add(new NewProduct("Limited", "Drops", new BigDecimal("99.00"), 10));
    String body = "{\"items\":[{\"productId\":" + hot.id() + ",\"quantity\":1}]}";

    List<Integer> statuses = LocalApiServerTest.<Integer>concurrently(64, i -> http.post("/orders", body, "Idempotency-Key", "buyer-" + i).status());

    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(10);
    assertThat(statuses.stream().filter(s -> s == 409)).hasSize(54);
    assertThat(shop.catalog().get(hot.id()).stock()).isZero();
  }

  @Test
  void tenConcurrentReplaysOfOneKeyPlaceOneOrder(ShopDatabase db) throws Exception {
    Product tea = shop.catalog().add(new NewProduct("Sencha", "Tea", new BigDecimal("3.10"), 100));
    String body = "{\"items\":[{\"productId\":" + tea.id() + ",\"quantity\":2}]}";

    List<Reply> replies = LocalApiServerTest.<Reply>concurrently(10, i -> http.post("/orders", body, "Idempotency-Key", "same-key"));

    Set<String> bodies = new HashSet<>();
    for (Reply reply : replies) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      bodies.add(reply.json().toString());
    }
    assertThat(bodies).hasSize(1);
    int orders = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM shop.orders").mapTo(Integer.class).one());
    assertThat(orders).isEqualTo(1);
    assertThat(shop.catalog().get(tea.id()).stock()).isEqualTo(98);
  }

  interface Call<T> {
    T call(int i) throws Exception;
  }

  /** Runs n calls on n threads released together. */
  static <T> List<T> concurrently(int n, Call<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<T> task = () -> {
          start.await();
          return call.call(index);
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  static JsonNode assertProblem(Reply reply, int status, String slug) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.get("type").asText()).endsWith("/" + slug);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("SELECT").doesNotContain("\tat ");
    return problem;
  }
}
