package io.github.hybridshop.examples.bench;

import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.checkout.Order;
import io.github.hybridshop.core.checkout.OrderItem;
import io.github.hybridshop.core.checkout.OrderRequest;
import io.github.hybridshop.core.replication.ReplicationSettings;
import io.github.hybridshop.core.replication.ReplicationSetup;
import io.github.hybridshop.gcp.replication.LocalReplicator;
import io.github.hybridshop.gcp.replication.ReplicatorConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * {@code replication}: the local Debezium-to-DuckDB pipeline.
 *
 * <ol>
 *   <li>Latency: one buyer at a steady rate (default 200 orders/s for 30 s after a 5 s warm-up);
 *       a reader polls DuckDB through the replicator and records when each order id becomes
 *       visible. p50/p99 of visible minus commit.
 *   <li>Catch-up: the replicator stops, 100,000 row changes are committed (orders, lines, stock
 *       movements, product updates, 25,000 each), the replicator restarts; rows per second until
 *       DuckDB equals the source, measured from the restart (startup included) and from the
 *       first applied change.
 *   <li>Ceiling: Debezium alone, with the same connector properties and a counting consumer, over
 *       the same 100,000 changes through a second slot ({@code debeziumOnlyRowsPerSec}): the most
 *       any Debezium-fed sink could reach here.
 *   <li>Baseline: the same 100,000 rows appended with DuckDB's appender into empty tables.
 * </ol>
 */
final class ReplicationBench implements Scenario {
  private static final int PRODUCTS = 1_000;
  private static final int CATCH_UP_ORDERS = 25_000;

  @Override
  public Set<String> flags() {
    return Set.of("rate", "seconds");
  }

  @Override
  public String run(Flags flags) throws Exception {
    int rate = flags.intValue("rate", 200);
    int seconds = flags.intValue("seconds", 30);
    Path dataDir = Files.createTempDirectory("shop-bench-repl");
    try (BenchDatabase db = BenchDatabase.start(4)) {
      seed(db.pool());
      new ReplicationSetup(db.pool())
          .prepare(ReplicationSettings.defaults().withSlot("shop_bench_slot").withFlavour(ReplicationSettings.Flavour.PLAIN), null);
      ReplicatorConfig config =
          ReplicatorConfig.of("localhost", db.port(), "postgres", "postgres", "postgres", dataDir).withSlot("shop_bench_slot");
      Shop shop = Shop.connect(db.pool(), ShopConfig.of("EUR"));
      // Tables appear in DuckDB with their first row: one order so the snapshot has every table.
      shop.checkout().buy("bench-first", OrderRequest.of(new OrderItem(1, 1)));

      Latencies latencies;
      long steadyBatches;
      double steadyWriteMs;
      try (LocalReplicator replicator = LocalReplicator.start(config)) {
        awaitEqual(db.pool(), replicator, 0);
        steady(shop, replicator, rate, 5, new Latencies());
        long batches = replicator.batches();
        double writeMs = replicator.writeMillis();
        latencies = steady(shop, replicator, rate, seconds, new Latencies());
        steadyBatches = replicator.batches() - batches;
        steadyWriteMs = replicator.writeMillis() - writeMs;
      }

      ReplicatorConfig ceiling = config.withSlot("shop_bench_ceiling").withDataDir(dataDir.resolve("ceiling"));
      try (Connection c = db.pool().getConnection(); Statement s = c.createStatement()) {
        s.execute("SELECT pg_create_logical_replication_slot('" + ceiling.slot() + "', 'pgoutput')");
      }
      long changes = makeChanges(db.pool());
      long restart = System.nanoTime();
      long first;
      long done;
      long catchUpBatches;
      double catchUpWriteMs;
      try (LocalReplicator replicator = LocalReplicator.start(config)) {
        long deadline = restart + 120_000_000_000L;
        while (replicator.appliedChanges() == 0) {
          if (replicator.failure().isPresent() || System.nanoTime() > deadline) {
            throw new IllegalStateException("the replicator applied nothing after its restart", replicator.failure().orElse(null));
          }
          Thread.sleep(1);
        }
        first = System.nanoTime();
        done = awaitEqual(db.pool(), replicator, restart);
        catchUpBatches = replicator.batches();
        catchUpWriteMs = replicator.writeMillis();
      }
      double debezium = DebeziumCeiling.rowsPerSec(ceiling, changes);
      double baseline = appenderRowsPerSec(caughtUpRows(db.pool()), dataDir.resolve("baseline.duckdb"));

      double withStartup = changes / ((done - restart) / 1e9);
      double streaming = changes / ((done - first) / 1e9);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("scenario", "replication");
      out.put("ordersPerSec", rate);
      out.put("seconds", seconds);
      out.put("orders", latencies.count());
      out.put("p50Ms", latencies.percentileMs(0.50));
      out.put("p99Ms", latencies.percentileMs(0.99));
      out.put("steadyBatches", steadyBatches);
      out.put("steadyWriteMsPerBatch", steadyWriteMs / Math.max(1, steadyBatches));
      out.put("catchUpRows", changes);
      out.put("catchUpBatches", catchUpBatches);
      out.put("catchUpWriteMs", catchUpWriteMs);
      out.put("startupMs", (first - restart) / 1e6);
      out.put("rowsPerSec", streaming);
      out.put("rowsPerSecWithStartup", withStartup);
      out.put("debeziumOnlyRowsPerSec", debezium);
      out.put("ofDebeziumOnly", streaming / debezium);
      out.put("appenderRowsPerSec", baseline);
      out.put("ratio", streaming / baseline);
      out.put("ratioWithStartup", withStartup / baseline);
      return Json.line(out);
    }
  }

  /** Buys at a fixed rate from one thread; returns commit-to-visible latencies. */
  private static Latencies steady(Shop shop, LocalReplicator replicator, int rate, int seconds, Latencies latencies)
      throws Exception {
    Map<Long, Long> committed = new ConcurrentHashMap<>();
    Map<Long, Long> visible = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread reader =
        new Thread(
            () -> {
              try (Connection connection = replicator.readConnection()) {
                long seen = maxOrderId(connection);
                while (running.get() || visible.size() < committed.size()) {
                  long max = maxOrderId(connection);
                  long now = System.nanoTime();
                  for (long id = seen + 1; id <= max; id++) {
                    visible.put(id, now);
                  }
                  seen = Math.max(seen, max);
                  // 5 ms between polls: finer polling competes with the writer for 2 cores.
                  Thread.sleep(5);
                }
              } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            },
            "bench-visibility");
    reader.start();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    long total = (long) rate * seconds;
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
      Order order = shop.checkout().buy("bench-" + System.nanoTime(), OrderRequest.of(new OrderItem(1 + i % PRODUCTS, 1)));
      committed.put(order.id(), System.nanoTime());
    }
    running.set(false);
    reader.join(60_000);
    for (Map.Entry<Long, Long> commit : committed.entrySet()) {
      Long seen = visible.get(commit.getKey());
      if (seen != null) {
        // The reader can see an order before buy() has returned to this thread: that is 0 ms.
        latencies.add(Math.max(0, seen - commit.getValue()));
      }
    }
    return latencies;
  }

  private static long maxOrderId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) FROM shop_orders")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return 0; // not created before the first order arrives
    }
  }

  private static void seed(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO shop.products (name, category, price, stock)"
              + " SELECT 'Product ' || g, 'Category ' || (g % 20), (g % 500) + 0.99, 1000000000"
              + " FROM generate_series(1, " + PRODUCTS + ") g");
      s.execute("INSERT INTO shop.stock_movements (product_id, delta, reason) SELECT id, stock, 'initial' FROM shop.products");
    }
  }

  /** 100,000 row changes while no replicator runs: 25,000 each of orders, lines, movements, product updates. */
  private static long makeChanges(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO shop.orders (idempotency_key, request_hash, total, currency)"
              + " SELECT 'catch-up-' || g, 'h', 1.99, 'EUR' FROM generate_series(1, " + CATCH_UP_ORDERS + ") g");
      s.execute(
          "INSERT INTO shop.order_lines (order_id, line_no, product_id, quantity, unit_price)"
              + " SELECT id, 1, 1 + id % " + PRODUCTS + ", 1, 1.99 FROM shop.orders WHERE idempotency_key LIKE 'catch-up-%'");
      s.execute(
          "INSERT INTO shop.stock_movements (product_id, delta, reason, order_id)"
              + " SELECT product_id, -1, 'sale', order_id FROM shop.order_lines l JOIN shop.orders o ON o.id = l.order_id"
              + " WHERE o.idempotency_key LIKE 'catch-up-%'");
      for (int round = 0; round < CATCH_UP_ORDERS / PRODUCTS; round++) {
        s.execute("UPDATE shop.products SET stock = stock - 1, updated_at = now()");
      }
    }
    return 4L * CATCH_UP_ORDERS;
  }

  /** Waits until DuckDB holds as many orders, lines and movements, and the same total stock, as the source. */
  private static long awaitEqual(DataSource pool, LocalReplicator replicator, long since) throws Exception {
    String query =
        "SELECT CAST((SELECT count(*) FROM %1$sorders) AS VARCHAR) || '/' || CAST((SELECT count(*) FROM %1$sorder_lines) AS VARCHAR)"
            + " || '/' || CAST((SELECT count(*) FROM %1$sstock_movements) AS VARCHAR) || '/' || CAST((SELECT sum(stock) FROM %1$sproducts) AS VARCHAR)";
    String expected;
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(String.format(query, "shop."))) {
      rs.next();
      expected = rs.getString(1);
    }
    String last = null;
    try (Connection c = replicator.readConnection()) {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (System.nanoTime() < deadline) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(String.format(query, "shop_"))) {
          rs.next();
          last = rs.getString(1);
          if (expected.equals(last)) {
            return System.nanoTime();
          }
        } catch (SQLException e) {
          last = e.getMessage(); // tables appear with the snapshot
        }
        if (replicator.failure().isPresent()) {
          throw new IllegalStateException("replication failed", replicator.failure().get());
        }
        Thread.sleep(2);
      }
    }
    throw new IllegalStateException("the warehouse did not catch up within 2 minutes: source " + expected + ", warehouse " + last);
  }

  /** The catch-up's rows as the warehouse holds them (products once per update round). */
  private static Map<String, List<Object[]>> caughtUpRows(DataSource pool) throws SQLException {
    Map<String, List<Object[]>> tables = new LinkedHashMap<>();
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      tables.put("orders", rows(s, "SELECT * FROM shop.orders WHERE idempotency_key LIKE 'catch-up-%'", 1));
      tables.put("order_lines", rows(s, "SELECT l.* FROM shop.order_lines l JOIN shop.orders o ON o.id = l.order_id WHERE o.idempotency_key LIKE 'catch-up-%'", 1));
      tables.put("stock_movements", rows(s, "SELECT * FROM shop.stock_movements WHERE reason = 'sale' AND order_id IN (SELECT id FROM shop.orders WHERE idempotency_key LIKE 'catch-up-%')", 1));
      tables.put("products", rows(s, "SELECT * FROM shop.products", CATCH_UP_ORDERS / PRODUCTS));
    }
    return tables;
  }

  private static List<Object[]> rows(Statement s, String sql, int copies) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[columns];
        for (int i = 0; i < columns; i++) {
          Object value = rs.getObject(i + 1);
          row[i] = value instanceof java.sql.Timestamp ? rs.getObject(i + 1, OffsetDateTime.class) : value;
        }
        for (int k = 0; k < copies; k++) {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** Appends the rows into empty tables shaped like the warehouse's source columns. */
  private static double appenderRowsPerSec(Map<String, List<Object[]>> tables, Path file) throws SQLException {
    Map<String, String> ddl =
        Map.of(
            "orders", "id BIGINT, idempotency_key VARCHAR, request_hash VARCHAR, total DECIMAL(20,2), currency VARCHAR, created_at TIMESTAMP",
            "order_lines", "order_id BIGINT, line_no INTEGER, product_id BIGINT, quantity INTEGER, unit_price DECIMAL(12,2)",
            "stock_movements", "id BIGINT, product_id BIGINT, delta INTEGER, reason VARCHAR, order_id BIGINT, \"at\" TIMESTAMP",
            "products", "id BIGINT, name VARCHAR, category VARCHAR, price DECIMAL(12,2), stock INTEGER, created_at TIMESTAMP, updated_at TIMESTAMP");
    try (DuckDBConnection duckDb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = duckDb.createStatement()) {
      for (String table : tables.keySet()) {
        s.execute("CREATE TABLE base_" + table + " (" + ddl.get(table) + ")");
      }
      long rows = 0;
      long start = System.nanoTime();
      for (Map.Entry<String, List<Object[]>> table : tables.entrySet()) {
        try (DuckDBAppender appender = duckDb.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "base_" + table.getKey())) {
          for (Object[] row : table.getValue()) {
            appender.beginRow();
            for (Object value : row) {
              append(appender, value);
            }
            appender.endRow();
            rows++;
          }
        }
      }
      return rows / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static void append(DuckDBAppender appender, Object value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else if (value instanceof Long number) {
      appender.append(number.longValue());
    } else if (value instanceof Integer number) {
      appender.append(number.intValue());
    } else if (value instanceof BigDecimal decimal) {
      appender.append(decimal);
    } else if (value instanceof OffsetDateTime time) {
      appender.append(LocalDateTime.ofInstant(time.toInstant(), ZoneOffset.UTC));
    } else {
      appender.append(value.toString());
    }
  }
}
