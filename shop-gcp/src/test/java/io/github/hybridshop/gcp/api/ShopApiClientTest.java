package io.github.hybridshop.gcp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.hybridshop.api.NewProductRequest;
import io.github.hybridshop.api.Order;
import io.github.hybridshop.api.OrderRequest;
import io.github.hybridshop.api.Problem.FieldError;
import io.github.hybridshop.api.Problem.Shortage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a tiny JDK HTTP server answering canned responses. */
class ShopApiClientTest {
  private static final String TYPES = io.github.hybridshop.api.ProblemType.TYPE_BASE;

  private record Canned(int status, String type, String body) {}

  private record Seen(String method, String path, String authorization, String idempotencyKey) {}

  private final Deque<Canned> answers = new ArrayDeque<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ShopApiClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      seen.add(new Seen(
          exchange.getRequestMethod(), exchange.getRequestURI().toString(),
          exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRequestHeaders().getFirst("Idempotency-Key")));
      Canned canned;
      synchronized (answers) {
        canned = answers.isEmpty() ? new Canned(500, "text/plain", "no answer left") : answers.poll();
      }
      byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", canned.type());
      exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    });
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    client = new ShopApiClient(new ShopApiClient.Settings(
        base, TokenProvider.none(), TokenProvider.fixed("admin-secret"), Duration.ofSeconds(2), Duration.ofSeconds(5), 3));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(int status, String body) {
    answers.add(new Canned(status, status >= 400 ? "application/problem+json" : "application/json", body));
  }

  private static String product(long id, String price, int stock) {
    return "{\"id\":" + id + ",\"name\":\"Tea\",\"category\":\"T\",\"price\":\"" + price
        + "\",\"currency\":\"EUR\",\"stock\":" + stock
        + ",\"createdAt\":\"2026-12-01T00:00:00Z\",\"updatedAt\":\"2026-12-01T00:00:00Z\"}";
  }

  @Test
  void readsPagesWithExactPricesAndSendsQueryParameters() {
    answer(200, "{\"items\":[" + product(1, "0.10", 3) + "],\"nextCursor\":\"1\"}");
    var page = client.products("Green & Black", "tè", 20, null);
    assertThat(page.items().get(0).price().amount()).isEqualByComparingTo(new BigDecimal("0.10"));
    assertThat(page.nextCursor()).isEqualTo("1");
    assertThat(seen.get(0).path()).isEqualTo("/products?category=Green+%26+Black&q=t%C3%A8&limit=20");
    assertThat(seen.get(0).authorization()).isNull();
  }

  @Test
  void mapsProblemsToTypedErrors() {
    answer(400, "{\"type\":\"" + TYPES + "validation\",\"title\":\"Invalid\",\"status\":400,\"detail\":\"bad\","
        + "\"errors\":[{\"field\":\"price\",\"message\":\"must not be negative\"}]}");
    assertThatThrownBy(() -> client.product(1)).isInstanceOfSatisfying(ApiException.Invalid.class,
        e -> assertThat(e.errors()).containsExactly(new FieldError("price", "must not be negative")));

    answer(404, "{\"type\":\"" + TYPES + "not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"no product 9\"}");
    assertThatThrownBy(() -> client.product(9)).isInstanceOf(ApiException.NotFound.class).hasMessage("no product 9");

    answer(409, "{\"type\":\"" + TYPES + "insufficient-stock\",\"title\":\"Insufficient stock\",\"status\":409,"
        + "\"detail\":\"short\",\"shortages\":[{\"productId\":4,\"requested\":5,\"available\":2}]}");
    assertThatThrownBy(() -> client.placeOrder("k", List.of(new OrderRequest.Item(4, 5))))
        .isInstanceOfSatisfying(ApiException.OutOfStock.class,
            e -> assertThat(e.shortages()).containsExactly(new Shortage(4, 5, 2)));

    answer(409, "{\"type\":\"" + TYPES + "duplicate-product\",\"status\":409,\"detail\":\"exists\"}");
    assertThatThrownBy(() -> client.addProduct(new NewProductRequest("A", "B", BigDecimal.ONE, 1)))
        .isInstanceOf(ApiException.Conflict.class);

    answer(422, "{\"type\":\"" + TYPES + "idempotency-key-reused\",\"status\":422,\"detail\":\"other body\"}");
    assertThatThrownBy(() -> client.placeOrder("k", List.of(new OrderRequest.Item(4, 1)))).isInstanceOf(ApiException.KeyReused.class);

    answer(401, "{\"type\":\"" + TYPES + "unauthorized\",\"status\":401,\"detail\":\"token\"}");
    assertThatThrownBy(() -> client.restock(1, 5)).isInstanceOf(ApiException.Unauthorized.class);
  }

  @Test
  void aRefusalWithoutAContractTypeGoesByItsStatus() {
    // API Gateway's JWT authorizer: no problem document at all.
    answer(401, "{\"message\":\"Unauthorized\"}");
    assertThatThrownBy(() -> client.restock(1, 5)).isInstanceOf(ApiException.Unauthorized.class);

    answer(403, "");
    assertThatThrownBy(() -> client.restock(1, 5)).isInstanceOf(ApiException.Unauthorized.class);

    // A type this client's contract does not know is not guessed from its members.
    answer(409, "{\"type\":\"https://example.com/problems/out-of-stock\",\"status\":409,\"detail\":\"short\","
        + "\"shortages\":[{\"productId\":4,\"requested\":5,\"available\":2}]}");
    assertThatThrownBy(() -> client.placeOrder("k", List.of(new OrderRequest.Item(4, 5))))
        .isInstanceOfSatisfying(ApiException.Unexpected.class, e -> assertThat(e.status()).isEqualTo(409));

    // ... nor from its status: only about:blank goes by the status.
    answer(404, "{\"type\":\"https://example.com/problems/gone\",\"status\":404,\"detail\":\"moved\"}");
    assertThatThrownBy(() -> client.product(1))
        .isInstanceOfSatisfying(ApiException.Unexpected.class, e -> assertThat(e.detail()).contains("example.com"));
  }

  @Test
  void anOrderReadsBackTheIdempotencyKeyItWasPlacedWith() {
    answer(201, "{\"id\":7,\"idempotencyKey\":\"key-9\",\"lines\":[{\"lineNo\":1,\"productId\":3,"
        + "\"productName\":\"Tea\",\"quantity\":2,\"unitPrice\":\"1.25\",\"lineTotal\":\"2.50\"}],"
        + "\"total\":\"2.50\",\"currency\":\"EUR\",\"createdAt\":\"2026-12-01T00:00:00Z\"}");
    assertThat(client.placeOrder("key-9", List.of(new OrderRequest.Item(3, 2))).idempotencyKey()).isEqualTo("key-9");
  }

  @Test
  void aSuccessBodyOutsideTheContractIsUnexpected() {
    answer(200, "{\"id\":1,\"name\":\"Tea\"}");
    assertThatThrownBy(() -> client.product(1))
        .isInstanceOfSatisfying(ApiException.Unexpected.class, e -> assertThat(e.detail()).contains("price"));
  }

  @Test
  void retriesGetsAfterServerErrors() {
    answer(503, "");
    answer(502, "");
    answer(200, product(3, "1.00", 1));
    assertThat(client.product(3).id()).isEqualTo(3);
    assertThat(seen).hasSize(3);
  }

  @Test
  void retriesOrdersWithTheSameIdempotencyKey() {
    answer(503, "");
    answer(201, "{\"id\":7,\"lines\":[{\"lineNo\":1,\"productId\":3,\"productName\":\"Tea\",\"quantity\":2,"
        + "\"unitPrice\":\"1.25\",\"lineTotal\":\"2.50\"}],\"total\":\"2.50\",\"currency\":\"EUR\","
        + "\"createdAt\":\"2026-12-01T00:00:00Z\"}");
    Order order = client.placeOrder("key-1", List.of(new OrderRequest.Item(3, 2)));
    assertThat(order.total().amount()).isEqualByComparingTo("2.50");
    assertThat(order.lines().get(0).productName()).isEqualTo("Tea");
    assertThat(seen).extracting(Seen::idempotencyKey).containsExactly("key-1", "key-1");
  }

  @Test
  void neverRetriesAdminWritesAndSendsTheAdminToken() {
    answer(503, "");
    answer(201, product(1, "1.00", 1));
    assertThatThrownBy(() -> client.addProduct(new NewProductRequest("A", "B", BigDecimal.ONE, 1)))
        .isInstanceOf(ApiException.Unavailable.class);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).authorization()).isEqualTo("Bearer admin-secret");
  }

  @Test
  void anUnreachableApiIsUnavailable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ShopApiClient nowhere = new ShopApiClient(ShopApiClient.Settings.of(
        URI.create("http://127.0.0.1:" + closed), TokenProvider.none(), TokenProvider.none()));
    assertThatThrownBy(() -> nowhere.product(1)).isInstanceOfSatisfying(ApiException.Unavailable.class,
        e -> assertThat(e.status()).isEqualTo(503));
    assertThat(nowhere.healthy()).isFalse();
  }

  @Test
  void aBodyThatIsNotJsonIsUnexpected() {
    answers.add(new Canned(200, "text/html", "<html>proxy error</html>"));
    assertThatThrownBy(() -> client.product(1)).isInstanceOf(ApiException.Unexpected.class);
  }
}
