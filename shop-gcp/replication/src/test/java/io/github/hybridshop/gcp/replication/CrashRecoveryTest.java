package io.github.hybridshop.gcp.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.checkout.OrderItem;
import io.github.hybridshop.core.checkout.OrderRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The replicator killed with {@code kill -9} mid-stream converges after a restart. */
class CrashRecoveryTest {
  @TempDir Path dataDir;
  @RegisterExtension final ReplicationFixture fixture = new ReplicationFixture();

  @Test
  void killedMidStreamAndRestartedConvergesWithoutDuplicatesOrLosses() throws Exception {
    Shop shop = fixture.db.shop();
    Product tea = shop.catalog().add(new NewProduct("Tea", "Drinks", new BigDecimal("4.50"), 1_000_000));
    AtomicBoolean buying = new AtomicBoolean(true);
    AtomicInteger orders = new AtomicInteger();
    ExecutorService buyer = Executors.newSingleThreadExecutor();
    Future<?> purchases =
        buyer.submit(
            () -> {
              while (buying.get()) {
                int n = orders.incrementAndGet();
                shop.checkout().buy("crash-" + n, OrderRequest.of(new OrderItem(tea.id(), 1 + n % 3)));
                if (n % 10 == 0) {
                  shop.catalog().restock(tea.id(), 5);
                }
              }
              return null;
            });

    Process child = startChild();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      long applied = 0;
      while (applied < 500 && (line = out.readLine()) != null) {
        if (line.startsWith("applied ")) {
          applied = Long.parseLong(line.substring("applied ".length()));
        }
      }
      assertThat(applied).as("the child replicated before it was killed").isGreaterThanOrEqualTo(500);
      child.destroyForcibly().waitFor();
    }
    int ordersAtKill = orders.get();
    Thread.sleep(500); // keep buying while nothing replicates
    buying.set(false);
    purchases.get();
    buyer.shutdown();

    long ordersCopiedBeforeRestart = countOrders(dataDir.resolve(ReplicatorConfig.WAREHOUSE_FILE));
    assertThat(ordersCopiedBeforeRestart).as("killed mid-stream").isPositive().isLessThan(orders.get());
    assertThat(ordersAtKill).isLessThan(orders.get());

    try (LocalReplicator replicator = LocalReplicator.start(fixture.config(dataDir))) {
      Map<String, List<List<String>>> source = fixture.source();
      Map<String, List<List<String>>> copy =
          ReplicationFixture.awaitCopy(source, ReplicationFixture.through(replicator), Duration.ofSeconds(90));
      assertThat(copy).isEqualTo(source);
      assertThat(copy.get("orders")).hasSize(orders.get());
    }
  }

  private Process startChild() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ReplicatorProcess.class.getName(),
            fixture.db.host(),
            Integer.toString(fixture.db.port()),
            fixture.db.databaseName(),
            fixture.db.user(),
            dataDir.toString(),
            fixture.slot);
    builder.environment().put("SHOP_REPLICATION_PASSWORD", fixture.db.password());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  private static long countOrders(Path file) throws Exception {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM shop_orders")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
