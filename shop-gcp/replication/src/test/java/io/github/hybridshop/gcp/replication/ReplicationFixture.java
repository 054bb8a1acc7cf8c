package io.github.hybridshop.gcp.replication;

import io.github.hybridshop.core.replication.ReplicationSettings;
import io.github.hybridshop.core.replication.ReplicationSetup;
import io.github.hybridshop.core.testing.ShopDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh shop database prepared for logical replication for each test, and source-vs-warehouse
 * comparison. Register it on an instance field:
 * {@code @RegisterExtension final ReplicationFixture fixture = new ReplicationFixture();}
 */
final class ReplicationFixture implements BeforeEachCallback, AfterEachCallback {
  private static final AtomicInteger SLOTS = new AtomicInteger();

  /** Source columns per table, primary key first (the comparison orders by it). */
  static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("products", List.of("id", "name", "category", "price", "stock", "created_at", "updated_at"));
    TABLES.put("orders", List.of("id", "idempotency_key", "request_hash", "total", "currency", "created_at"));
    TABLES.put("order_lines", List.of("order_id", "line_no", "product_id", "quantity", "unit_price"));
    TABLES.put("stock_movements", List.of("id", "product_id", "delta", "reason", "order_id", "at"));
    TABLES.put("replication_heartbeat", List.of("id", "beat_at"));
  }

  private static final Set<String> TIMESTAMPS = Set.of("created_at", "updated_at", "at", "beat_at");
  private static final Map<String, String> ORDER_BY =
      Map.of("order_lines", "order_id, line_no");

  /** The test's database; set before each test. */
  ShopDatabase db;
  /** The test's own slot; the superuser replicates through it. */
  String slot;

  @Override
  public void beforeEach(ExtensionContext context) {
    db = ShopDatabase.create();
    slot = "shop_local_test_" + ProcessHandle.current().pid() + "_" + SLOTS.incrementAndGet();
    new ReplicationSetup(db.dataSource())
        .prepare(ReplicationSettings.defaults().withSlot(slot).withFlavour(ReplicationSettings.Flavour.PLAIN), null);
  }

  ReplicatorConfig config(Path dataDir) {
    return ReplicatorConfig.of(db.host(), db.port(), db.databaseName(), db.user(), db.password(), dataDir).withSlot(slot);
  }

  /** Every shop table of the source, row by row, as comparable text. */
  Map<String, List<List<String>>> source() throws SQLException {
    try (Connection connection = db.dataSource().getConnection()) {
      return read(connection, "shop.", true);
    }
  }

  /** Every shop table of the warehouse (source columns only). */
  static Map<String, List<List<String>>> warehouse(Connection duckDb) throws SQLException {
    return read(duckDb, "shop_", false);
  }

  private static Map<String, List<List<String>>> read(Connection connection, String prefix, boolean postgres)
      throws SQLException {
    Map<String, List<List<String>>> tables = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
      List<String> columns = table.getValue();
      String quoted = String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
      List<List<String>> rows = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rs =
              statement.executeQuery(
                  "SELECT " + quoted + " FROM " + prefix + table.getKey() + " ORDER BY "
                      + ORDER_BY.getOrDefault(table.getKey(), columns.get(0)))) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (String column : columns) {
            if (TIMESTAMPS.contains(column)) {
              row.add(postgres
                  ? String.valueOf(rs.getObject(column, OffsetDateTime.class).toInstant())
                  : String.valueOf(rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
            } else {
              row.add(rs.getString(column));
            }
          }
          rows.add(row);
        }
      } catch (SQLException e) {
        if (postgres) {
          throw e;
        }
        // The table appears with its first replicated row.
      }
      tables.put(table.getKey(), rows);
    }
    return tables;
  }

  /**
   * Waits until the warehouse equals the source (or the deadline passes) and returns the last
   * warehouse state read; the caller asserts on it, so a slow copy fails with a diff.
   */
  static Map<String, List<List<String>>> awaitCopy(
      Map<String, List<List<String>>> source, WarehouseReader warehouse, Duration deadline) throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    Map<String, List<List<String>>> copy = warehouse.read();
    while (!copy.equals(source) && System.nanoTime() < end) {
      Thread.sleep(100);
      copy = warehouse.read();
    }
    return copy;
  }

  @FunctionalInterface
  interface WarehouseReader {
    Map<String, List<List<String>>> read() throws Exception;
  }

  static WarehouseReader through(LocalReplicator replicator) {
    return () -> {
      try (Connection connection = replicator.readConnection()) {
        return warehouse(connection);
      }
    };
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      new ReplicationSetup(db.dataSource()).dropSlot(slot);
    } catch (RuntimeException e) {
      // best effort (a consumer still attached): the server is thrown away with the JVM
    }
    db.close();
  }
}
