package io.github.hybridshop.examples.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.ProductQuery;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack on a real embedded PostgreSQL in a temporary data directory, started twice. */
class LocalStackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesTheApiAndKeepsDataTokenAndPortAcrossRestarts(@TempDir Path dataDir) throws Exception {
    LocalShopOptions options =
        LocalShopOptions.parse("--api-port", "0", "--web-port", "0", "--data-dir", dataDir.toString(), "--demo-data");
    String token;
    int pgPort;
    try (LocalStack stack = LocalStack.start(options)) {
      assertThat(stack.demoProductsAdded()).isEqualTo(30);
      HttpResponse<String> health = get(stack.apiUri().resolve("/health"));
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      JsonNode healthBody = JSON.readTree(health.body());
      assertThat(healthBody.path("status").asText()).isEqualTo("ok");
      assertThat(healthBody.path("database").asText()).isEqualTo("up");
      assertThat(healthBody.path("replication").path("state").asText()).isEqualTo("up");
      assertThat(healthBody.path("replication").path("slot").asText()).isEqualTo("shop_local_slot");
      assertThat(healthBody.path("web").path("state").asText()).isEqualTo("up");
      token = stack.adminToken();
      pgPort = stack.database().port();
      HttpResponse<String> created = http.send(
          HttpRequest.newBuilder(stack.apiUri().resolve("/products"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Kept\",\"category\":\"Tea\",\"price\":\"1.00\",\"stock\":1}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      HttpResponse<String> catalog = get(stack.webUri().resolve("/?q=Kept"));
      assertThat(catalog.statusCode()).isEqualTo(200);
      assertThat(catalog.body()).contains("Kept");
      // The product reaches the DuckDB warehouse through Debezium and shows in the dashboard JSON.
      assertThat(eventually(stack.webUri().resolve("/analytics/api/low-stock"), "\"name\":\"Kept\"")).isTrue();
    }
    assertThat(Files.readString(dataDir.resolve("admin-token")).strip()).isEqualTo(token);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-password"))))
        .isEqualTo("rw-------");
    assertThat(dataDir.resolve("warehouse.duckdb")).exists();

    try (LocalStack again = LocalStack.start(options)) {
      assertThat(again.demoProductsAdded()).isZero();
      assertThat(again.adminToken()).isEqualTo(token);
      assertThat(again.database().port()).isEqualTo(pgPort);
      assertThat(again.shop().catalog().list(ProductQuery.all().limit(100)).items()).hasSize(31);
      assertThat(get(again.apiUri().resolve("/products?q=Kept")).body()).contains("\"name\":\"Kept\"");
    }
  }

  @Test
  void statusShowsAReplicationOutageAsAnInactiveSlotWithGrowingLagAndThenTheRecovery(@TempDir Path dataDir)
      throws Exception {
    LocalShopOptions options = LocalShopOptions.parse("--api-port", "0", "--web-port", "0", "--data-dir", dataDir.toString());
    try (LocalStack stack = LocalStack.start(options)) {
      // A second stack on the same data directory is refused before it touches anything.
      assertThatThrownBy(() -> LocalStack.start(options))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another shop-local (pid " + ProcessHandle.current().pid() + ")")
          .hasMessageContaining("--data-dir");
      URI status = stack.apiUri().resolve("/status");
      JsonNode healthy = awaitStatus(status, s -> s.path("replication").path("slotActive").asBoolean());
      assertThat(healthy.path("ready").asBoolean()).isTrue();
      assertThat(healthy.path("replication").path("state").asText()).isEqualTo("up");
      assertThat(healthy.path("replication").path("verdict").asText()).isEqualTo("OK");
      assertThat(healthy.path("slots").findValuesAsText("slot")).contains("shop_local_slot");

      // Error counts, by route and status class, as the API answered them.
      assertThat(get(stack.apiUri().resolve("/products/999999999")).statusCode()).isEqualTo(404);
      assertThat(get(stack.apiUri().resolve("/no-such-route")).statusCode()).isEqualTo(404);
      JsonNode api = JSON.readTree(get(status).body()).path("api");
      assertThat(api.path("clientErrors").asLong()).isGreaterThanOrEqualTo(2);
      assertThat(route(api, "GET /products/{id}").path("clientErrors").asLong()).isEqualTo(1);
      assertThat(route(api, "unmatched").path("clientErrors").asLong()).isEqualTo(1);
      assertThat(api.path("serverErrors").asLong()).isZero();

      // The business metrics Lambda writes as EMF lines, counted by the same handlers here.
      long productId = stack.shop().catalog().add(new NewProduct("Counted", "Tea", new BigDecimal("2.00"), 5)).id();
      String cart = "{\"items\":[{\"productId\":" + productId + ",\"quantity\":2}]}";
      for (int i = 0; i < 2; i++) { // the second is a replay of the same key and cart
        assertThat(postOrder(stack.apiUri(), "status-order-1", cart).statusCode()).isEqualTo(201);
      }
      assertThat(postOrder(stack.apiUri(), "status-order-2", "{\"items\":[{\"productId\":" + productId
          + ",\"quantity\":9}]}").statusCode()).isEqualTo(409);
      JsonNode metrics = JSON.readTree(get(status).body()).path("api").path("metrics");
      assertThat(metrics.path("ordersPlaced").asLong()).isEqualTo(1);
      assertThat(metrics.path("unitsSold").asLong()).isEqualTo(2);
      assertThat(metrics.path("idempotentReplays").asLong()).isEqualTo(1);
      assertThat(metrics.path("stockOuts").asLong()).isEqualTo(1);
      assertThat(metrics.path("databaseUnavailable").asLong()).isZero();

      // The outage: every time the replicator reconnects, its walsender is terminated again.
      AtomicBoolean outage = new AtomicBoolean(true);
      ExecutorService terminator = Executors.newSingleThreadExecutor();
      Future<?> terminating = terminator.submit(() -> terminateWalsenders(stack, outage));
      try {
        JsonNode first = awaitStatus(status, s -> !s.path("replication").path("slotActive").asBoolean(true)
            && s.path("replication").has("lagBytes"));
        long lagAtStart = first.path("replication").path("lagBytes").asLong();
        // Writes while nothing replicates: the slot's unconfirmed WAL grows.
        for (int i = 0; i < 20; i++) {
          stack.shop().catalog().add(new NewProduct("Outage " + i, "Tea", new BigDecimal("1.00"), 1));
        }
        JsonNode later = awaitStatus(status, s -> !s.path("replication").path("slotActive").asBoolean(true)
            && s.path("replication").path("lagBytes").asLong() > lagAtStart);
        assertThat(later.path("replication").path("verdict").asText()).isEqualTo("WARN");
        assertThat(later.path("replication").path("detail").asText()).contains("no consumer connected");
        // /health keeps reporting the replicator up: it is reconnecting, not failed.
        HttpResponse<String> health = get(stack.apiUri().resolve("/health"));
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("replication").path("state").asText()).isEqualTo("up");
      } finally {
        outage.set(false);
        terminating.get();
        terminator.shutdown();
      }

      // The recovery: the replicator reconnects by itself, confirms the WAL and copies the rows.
      JsonNode recovered = awaitStatus(status, s -> s.path("replication").path("slotActive").asBoolean()
          && s.path("replication").path("verdict").asText().equals("OK"));
      assertThat(recovered.path("replication").path("state").asText()).isEqualTo("up");
      assertThat(eventually(stack.webUri().resolve("/analytics/api/low-stock"), "\"name\":\"Outage 19\"")).isTrue();
      JsonNode caughtUp = awaitStatus(status, s -> s.path("replication").path("slotActive").asBoolean()
          && s.path("replication").path("heartbeat").path("replicatedSecondsAgo").isNumber());
      assertThat(caughtUp.path("replication").path("heartbeat").path("writtenSecondsAgo").isNumber()).isTrue();
      assertThat(get(stack.apiUri().resolve("/health")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aPortInUseFailsTheStartWithOneLineAndStopsWhatHadStarted(@TempDir Path dataDir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LocalShopOptions options =
          LocalShopOptions.parse(
              "--api-port", "0", "--web-port", Integer.toString(taken.getLocalPort()), "--data-dir", dataDir.toString());
      assertThatThrownBy(() -> LocalStack.start(options))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the web site could not listen on 127.0.0.1:" + taken.getLocalPort()
              + ": Address already in use (is another process using the port?)");
    }
    // PostgreSQL, the API, the heartbeat and replication had started; all stopped again.
    assertThat(ShopProcess.postgresOn(dataDir)).isEmpty();
    try (LocalStack again = LocalStack.start(
        LocalShopOptions.parse("--api-port", "0", "--web-port", "0", "--data-dir", dataDir.toString()))) {
      assertThat(get(again.apiUri().resolve("/health")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void optionsHaveDefaultsAndNameBadArguments() {
    LocalShopOptions defaults = LocalShopOptions.parse();
    assertThat(defaults.apiPort()).isEqualTo(3000);
    assertThat(defaults.webPort()).isEqualTo(8080);
    assertThat(LocalShopOptions.parse("--admin-password", "secret-password-1").toString()).doesNotContain("secret-password-1");
    assertThatThrownBy(() -> LocalShopOptions.parse("--web-port", "70000")).hasMessageStartingWith("--web-port");
    assertThat(defaults.dataDir()).isEqualTo(Path.of(".shop-local"));
    assertThat(defaults.demoData()).isFalse();
    assertThat(LocalShopOptions.parse("--admin-token", "given-token-0123456789").adminToken()).isEqualTo("given-token-0123456789");
    assertThatThrownBy(() -> LocalShopOptions.parse("--api-port", "x")).hasMessageStartingWith("--api-port");
    assertThatThrownBy(() -> LocalShopOptions.parse("--data-dir")).hasMessageStartingWith("--data-dir needs a value");
    assertThatThrownBy(() -> LocalShopOptions.parse("--web")).hasMessageStartingWith("unknown argument --web");
  }

  /** Polls for up to 30 s; replication is asynchronous. */
  private boolean eventually(URI uri, String expected) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get(uri);
      if (response.statusCode() == 200 && response.body().contains(expected)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  /** Polls {@code GET /status} for up to 2 minutes until the body satisfies the condition. */
  private JsonNode awaitStatus(URI uri, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get(uri);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      last = JSON.readTree(response.body());
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("status never matched; last: " + last);
  }

  private static JsonNode route(JsonNode api, String route) {
    for (JsonNode entry : api.path("routes")) {
      if (entry.path("route").asText().equals(route)) {
        return entry;
      }
    }
    throw new AssertionError("no counts for " + route + " in " + api);
  }

  private static Void terminateWalsenders(LocalStack stack, AtomicBoolean outage) throws Exception {
    try (Connection connection = stack.database().dataSource().getConnection();
        PreparedStatement terminate = connection.prepareStatement(
            "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = ? AND active_pid IS NOT NULL")) {
      terminate.setString(1, "shop_local_slot");
      while (outage.get()) {
        terminate.execute();
        Thread.sleep(20);
      }
    }
    return null;
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
  private HttpResponse<String> postOrder(URI api, String key, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(api.resolve("/orders"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

}
