package io.github.hybridshop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hybridshop.aws.admin.AdminAccess;
import io.github.hybridshop.aws.admin.AdminHandler;
import io.github.hybridshop.aws.config.DatabaseConnector;
import io.github.hybridshop.aws.config.Environment;
import io.github.hybridshop.aws.config.LambdaEnvironment;
import io.github.hybridshop.aws.health.HealthHandler;
import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.aws.observability.ShopCounters;
import io.github.hybridshop.aws.orders.OrdersHandler;
import io.github.hybridshop.aws.products.ProductsHandler;
import io.github.hybridshop.core.db.ShopSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The database stops and starts again under traffic, as in a failover: the API answers 503 with
 * Retry-After while it is down, recovers by itself (same API process, same Lambda-style single
 * connection), and clients that retry with their idempotency key end up with exactly the orders
 * they were told about.
 */
class DatabaseRestartTest {
  static final int CLIENTS = 4;

  @Test
  void outageAnswers503ThenRecoversWithoutLostOrUnseenOrders() throws Exception {
    Path dataDir = Path.of("target", "restart-pg-" + ProcessHandle.current().pid()).toAbsolutePath();
    deleteRecursively(dataDir);
    int port = freePort();
    EmbeddedPostgres postgres = start(dataDir, port);
    String url = "jdbc:postgresql://localhost:" + port + "/postgres";
    Environment env = new Environment(Map.of("SHOP_DB_URL", url, "DB_USER", "postgres", "DB_PASSWORD", "postgres"));
    LambdaEnvironment lambda = new LambdaEnvironment(env, (variable, arn) -> {
      throw new AssertionError("no secrets here");
    });
    ShopSchema.migrate(lambda.freshConnections());
    try (Connection c = lambda.freshConnections().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO shop.products (name, category, price, stock) VALUES ('Tea', 'Tea', 2.50, 1000000)");
      s.execute("INSERT INTO shop.stock_movements (product_id, delta, reason) SELECT id, stock, 'initial' FROM shop.products");
    }

    ShopCounters counters = new ShopCounters();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    AtomicInteger outages = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try (LocalApiServer api = LocalApiServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8,
        List.of(new ProductsHandler(lambda::shop, counters), new OrdersHandler(lambda::shop, counters),
            new HealthHandler(lambda::shop, List.of(), counters),
            new AdminHandler(lambda::shop, AdminAccess.bearerToken("restart-admin-token-0123"), counters)))) {
      HttpClientSupport http = new HttpClientSupport(api.baseUri());
      Future<?>[] running = new Future<?>[CLIENTS];
      for (int t = 0; t < CLIENTS; t++) {
        int client = t;
        running[t] = clients.submit(() -> buyUntilStopped(http, client, seen, outages, stop));
      }

      waitUntil(() -> seen.size() >= 20, "orders before the outage");
      postgres.close();
      waitUntil(() -> outages.get() >= 3, "503 answers while the database is down");
      HttpClientSupport.Reply health = http.get("/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.headers().firstValue("retry-after")).isPresent();
      assertThat(health.contentType()).isEqualTo("application/problem+json");

      int beforeRestart = seen.size();
      postgres = start(dataDir, port);
      waitUntil(() -> seen.size() >= beforeRestart + 20, "orders after the restart");
      stop.set(true);
      for (Future<?> future : running) {
        future.get();
      }
      assertThat(http.get("/health").status()).isEqualTo(200);
      // Every 503 the clients and the one /health check saw was counted; every 201 was a new
      // order or, for a key whose first answer was lost to the outage, a replay.
      ShopCounters.Snapshot counted = counters.snapshot();
      assertThat(counted.databaseUnavailable()).isEqualTo(outages.get() + 1L);
      assertThat(counted.ordersPlaced() + counted.idempotentReplays()).isEqualTo(seen.size());
      assertThat(counted.unitsSold()).isEqualTo(counted.ordersPlaced());
    } finally {
      stop.set(true);
      clients.shutdownNow();
      postgres.close();
    }

    EmbeddedPostgres check = start(dataDir, port);
    try (Connection c = new DatabaseConnector(
            io.github.hybridshop.aws.config.DatabaseSettings.from(env), (v, a) -> null).getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT idempotency_key, id FROM shop.orders")) {
      Map<String, Long> stored = new HashMap<>();
      while (rs.next()) {
        stored.put(rs.getString(1), rs.getLong(2));
      }
      assertThat(stored).isEqualTo(seen);
    } finally {
      check.close();
      deleteRecursively(dataDir);
    }
  }

  /** Buys one unit per key; on 503 retries the same key, so an in-doubt order is settled, never lost or doubled. */
  private static Void buyUntilStopped(
      HttpClientSupport http, int client, Map<String, Long> seen, AtomicInteger outages, AtomicBoolean stop)
      throws InterruptedException {
    for (int n = 0; !stop.get(); n++) {
      String key = "client-" + client + "-" + n;
      while (true) {
        HttpClientSupport.Reply reply;
        try {
          reply = http.post("/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}", "Idempotency-Key", key);
        } catch (RuntimeException e) {
          throw new AssertionError("the API itself must stay up", e);
        }
        if (reply.status() == 201) {
          seen.put(key, reply.json().get("id").asLong());
          break;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.headers().firstValue("retry-after")).isPresent();
        outages.incrementAndGet();
        Thread.sleep(50);
      }
    }
    return null;
  }

  private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    // A generous bound so a broken recovery fails the test instead of hanging it; not a timing claim.
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
