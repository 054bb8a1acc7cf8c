package io.github.hybridshop.examples.bench;

import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.checkout.OrderItem;
import io.github.hybridshop.core.checkout.OrderRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * {@code purchase}: 1-line carts over 10,000 products; {@code hot}: every buyer on one product.
 * Baseline: the same statements as hand-written JDBC in one transaction on the same pool.
 */
final class PurchaseBench implements Scenario {
  enum Mode { SPREAD, HOT }

  private static final int PRODUCTS = 10_000;
  private static final int STOCK = 1_000_000_000;

  // Keys must never repeat across warm-up and measured rounds, or a replay would be measured.
  private static final AtomicLong KEYS = new AtomicLong();

  private final Mode mode;

  PurchaseBench(Mode mode) {
    this.mode = mode;
  }

  @Override
  public Set<String> flags() {
    return Set.of("threads", "seconds", "rounds");
  }

  @Override
  public String run(Flags flags) throws Exception {
    int threads = flags.intValue("threads", 8);
    int seconds = flags.intValue("seconds", 20);
    int products = mode == Mode.HOT ? 1 : PRODUCTS;
    try (BenchDatabase db = BenchDatabase.start(threads)) {
      seed(db.pool(), products);
      Shop shop = Shop.connect(db.pool(), ShopConfig.of("EUR"));
      RawCheckout raw = new RawCheckout(db.pool());
      Load.Comparison results =
          Load.compare(
              threads,
              seconds,
              flags.intValue("rounds", 4),
              (thread, i) ->
                  shop.checkout()
                      .buy("s-" + KEYS.incrementAndGet(), OrderRequest.of(new OrderItem(pick(products), 1))),
              (thread, i) -> raw.buy("b-" + KEYS.incrementAndGet(), pick(products), 1));
      Map<String, Object> out = results.report(mode == Mode.HOT ? "hot" : "purchase", threads);
      out.put("oversold", oversold(db.pool()));
      return Json.line(out);
    }
  }

  private static long pick(int products) {
    return products == 1 ? 1 : 1 + ThreadLocalRandom.current().nextInt(products);
  }

  static void seed(DataSource pool, int products) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO shop.products (name, category, price, stock)"
              + " SELECT 'Product ' || g, 'Category ' || (g % 20), (g % 500) + 0.99, " + STOCK
              + " FROM generate_series(1, " + products + ") g");
      s.execute(
          "INSERT INTO shop.stock_movements (product_id, delta, reason)"
              + " SELECT id, stock, 'initial' FROM shop.products");
      s.execute("VACUUM ANALYZE");
    }
  }

  /** Units sold beyond the opening stock, per product, added up: must be 0. */
  private static long oversold(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT coalesce(sum(greatest(0, sold - " + STOCK + ")), 0) + "
                    + "(SELECT count(*) FROM shop.products WHERE stock < 0) FROM"
                    + " (SELECT product_id, sum(quantity) AS sold FROM shop.order_lines GROUP BY product_id) x")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The checkout's statements written by hand, as a performance floor for the Jdbi version. */
  private static final class RawCheckout {
    private final DataSource pool;

    RawCheckout(DataSource pool) {
      this.pool = pool;
    }

    void buy(String key, long productId, int quantity) throws SQLException {
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        try {
          long orderId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO shop.orders (idempotency_key, request_hash, total, currency)"
                      + " VALUES (?, ?, 0, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, created_at")) {
            ps.setString(1, key);
            ps.setString(2, "h");
            ps.setString(3, "EUR");
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              orderId = rs.getLong(1);
            }
          }
          BigDecimal price;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE shop.products SET stock = stock - ?, updated_at = now()"
                      + " WHERE id = ? AND stock >= ? RETURNING price, name")) {
            ps.setInt(1, quantity);
            ps.setLong(2, productId);
            ps.setInt(3, quantity);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalStateException("sold out in a benchmark with ample stock");
              }
              price = rs.getBigDecimal(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "WITH lines AS (INSERT INTO shop.order_lines (order_id, line_no, product_id, quantity, unit_price)"
                      + " VALUES (?, 1, ?, ?, ?) RETURNING product_id, quantity),"
                      + " moves AS (INSERT INTO shop.stock_movements (product_id, delta, reason, order_id)"
                      + " SELECT product_id, -quantity, 'sale', ? FROM lines)"
                      + " UPDATE shop.orders SET total = ? WHERE id = ?")) {
            ps.setLong(1, orderId);
            ps.setLong(2, productId);
            ps.setInt(3, quantity);
            ps.setBigDecimal(4, price);
            ps.setLong(5, orderId);
            ps.setBigDecimal(6, price.multiply(BigDecimal.valueOf(quantity)));
            ps.setLong(7, orderId);
            ps.executeUpdate();
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      }
    }
  }
}
