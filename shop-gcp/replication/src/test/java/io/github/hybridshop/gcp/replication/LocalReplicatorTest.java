package io.github.hybridshop.gcp.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.checkout.OrderItem;
import io.github.hybridshop.core.checkout.OrderRequest;
import io.github.hybridshop.core.replication.SlotHealth;
import io.github.hybridshop.core.replication.SlotHealthCheck;
import io.github.hybridshop.gcp.analytics.DuckDbWarehouse;
import io.github.hybridshop.gcp.analytics.Warehouse;
import io.github.hybridshop.gcp.analytics.Warehouse.CategoryInventory;
import io.github.hybridshop.gcp.analytics.Warehouse.DailySales;
import io.github.hybridshop.gcp.analytics.Warehouse.LowStock;
import io.github.hybridshop.gcp.analytics.Warehouse.TopProduct;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LocalReplicatorTest {
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @TempDir Path dataDir;
  @RegisterExtension final ReplicationFixture fixture = new ReplicationFixture();

  @Test
  void snapshotThenInsertsUpdatesRestocksOrdersAndDeletesReachDuckDbRowForRow() throws Exception {
    Shop shop = fixture.db.shop();
    Product tea = shop.catalog().add(new NewProduct("Green tea", "Drinks", new BigDecimal("4.50"), 10));
    Product coffee = shop.catalog().add(new NewProduct("Coffee", "Drinks", new BigDecimal("7.25"), 5));

    try (LocalReplicator replicator = LocalReplicator.start(fixture.config(dataDir))) {
      Product mug = shop.catalog().add(new NewProduct("Mug", "Kitchen", new BigDecimal("12.00"), 3));
      Product gone = shop.catalog().add(new NewProduct("Discontinued", "Kitchen", new BigDecimal("1.00"), 0));
      shop.checkout().buy("order-1", OrderRequest.of(new OrderItem(tea.id(), 2), new OrderItem(mug.id(), 1)));
      shop.checkout().buy("order-2", OrderRequest.of(new OrderItem(mug.id(), 1)));
      shop.catalog().restock(coffee.id(), 5);
      try (Connection connection = fixture.db.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("DELETE FROM shop.stock_movements WHERE product_id = " + gone.id());
        statement.execute("DELETE FROM shop.products WHERE id = " + gone.id());
        statement.execute("UPDATE shop.products SET name = 'Sencha' WHERE id = " + tea.id());
      }

      Map<String, List<List<String>>> source = fixture.source();
      assertThat(source.get("products")).hasSize(3);
      Map<String, List<List<String>>> copy = ReplicationFixture.awaitCopy(source, ReplicationFixture.through(replicator), DEADLINE);
      assertThat(copy).isEqualTo(source);
      // Once caught up it stays caught up: changes made while the snapshot ran must not arrive
      // again afterwards and wind rows back (they did, on a slot made before the first start).
      for (int read = 0; read < 10; read++) {
        Thread.sleep(50);
        assertThat(ReplicationFixture.through(replicator).read()).as("read %d after catching up", read).isEqualTo(source);
      }

      Warehouse warehouse = replicator.warehouse(Clock.systemUTC());
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      assertThat(warehouse.inventoryByCategory())
          .containsExactly(
              new CategoryInventory("Drinks", 18, new BigDecimal("108.50")),
              new CategoryInventory("Kitchen", 1, new BigDecimal("12.00")));
      assertThat(warehouse.lowStock(5, 10)).containsExactly(new LowStock(mug.id(), "Mug", "Kitchen", 1));
      assertThat(warehouse.salesByDay(today.minusDays(1), today))
          .containsExactly(new DailySales(today, 2, 4, new BigDecimal("33.00")));
      assertThat(warehouse.salesByDay(today.minusDays(3), today.minusDays(1))).isEmpty();
      assertThat(warehouse.topProducts(today, today, 1))
          .containsExactly(new TopProduct(tea.id(), "Sencha", 2, new BigDecimal("9.00")));
      assertThat(warehouse.topProducts(today, today, 10)).extracting(TopProduct::productId).containsExactly(tea.id(), mug.id());
      assertThat(warehouse.stockHistory(tea.id()))
          .extracting(Warehouse.StockPoint::reason, Warehouse.StockPoint::delta, Warehouse.StockPoint::stockAfter)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("initial", 10, 10L),
              org.assertj.core.groups.Tuple.tuple("sale", -2, 8L));
      Warehouse.Freshness freshness = warehouse.freshness();
      assertThat(freshness.heartbeatAt()).isNotNull();
      assertThat(freshness.lastSourceTimestamp()).isNotNull();
      assertThat(freshness.lagSeconds()).isNotNull();
    }

    // Stopped: the file is free, and read-only access gives the same answers.
    Warehouse offline = DuckDbWarehouse.readOnly(dataDir.resolve(ReplicatorConfig.WAREHOUSE_FILE), Clock.systemUTC());
    assertThat(offline.inventoryByCategory()).extracting(CategoryInventory::units).containsExactly(18L, 1L);
  }

  @Test
  void aStoppedReplicatorDegradesTheSlotVerdict() throws Exception {
    SlotHealthCheck health = new SlotHealthCheck(fixture.db.dataSource());
    Shop shop = fixture.db.shop();
    shop.catalog().add(new NewProduct("Tea", "Drinks", new BigDecimal("4.50"), 10));
    try (LocalReplicator replicator = LocalReplicator.start(fixture.config(dataDir))) {
      ReplicationFixture.awaitCopy(fixture.source(), ReplicationFixture.through(replicator), DEADLINE);
      SlotHealth running = health.check(fixture.slot).orElseThrow();
      assertThat(running.active()).isTrue();
      assertThat(running.verdict()).isEqualTo(SlotHealth.Verdict.OK);
    }
    shop.catalog().add(new NewProduct("Coffee", "Drinks", new BigDecimal("7.25"), 5));
    // The walsender ends a moment after the engine closed its replication connection.
    SlotHealth stopped = health.check(fixture.slot).orElseThrow();
    for (int i = 0; i < 100 && stopped.active(); i++) {
      Thread.sleep(100);
      stopped = health.check(fixture.slot).orElseThrow();
    }
    assertThat(stopped.active()).isFalse();
    assertThat(stopped.verdict()).isNotEqualTo(SlotHealth.Verdict.OK);
  }
}
