package io.github.hybridshop.examples.bench;

import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.catalog.ProductQuery;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * {@code catalog}: a page of 50 from 100,000 products at a random cursor through
 * {@code Catalog.list}, against the raw keyset query with the same columns read by hand.
 */
final class CatalogBench implements Scenario {
  private static final int PRODUCTS = 100_000;
  private static final int PAGE = 50;

  @Override
  public Set<String> flags() {
    return Set.of("threads", "seconds", "rounds");
  }

  @Override
  public String run(Flags flags) throws Exception {
    int threads = flags.intValue("threads", 8);
    int seconds = flags.intValue("seconds", 20);
    try (BenchDatabase db = BenchDatabase.start(threads)) {
      seed(db.pool());
      Shop shop = Shop.connect(db.pool(), ShopConfig.of("EUR"));
      Load.Comparison results =
          Load.compare(
              threads,
              seconds,
              flags.intValue("rounds", 4),
              (thread, i) -> {
                int size = shop.catalog().list(ProductQuery.all().limit(PAGE).after(Long.toString(cursor()))).items().size();
                check(size);
              },
              (thread, i) -> check(rawPage(db.pool(), cursor())));
      Map<String, Object> out = results.report("catalog", threads);
      return Json.line(out);
    }
  }

  private static long cursor() {
    return 1 + ThreadLocalRandom.current().nextInt(PRODUCTS - PAGE - 1);
  }

  private static void check(int size) {
    if (size != PAGE) {
      throw new IllegalStateException("expected a full page, got " + size);
    }
  }

  private static int rawPage(DataSource pool, long after) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, name, category, price, stock, created_at, updated_at FROM shop.products"
                    + " WHERE id > ? ORDER BY id LIMIT ?")) {
      ps.setLong(1, after);
      ps.setInt(2, PAGE + 1);
      int rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && rows < PAGE) {
          long id = rs.getLong(1);
          String name = rs.getString(2);
          String category = rs.getString(3);
          BigDecimal price = rs.getBigDecimal(4);
          int stock = rs.getInt(5);
          OffsetDateTime created = rs.getObject(6, OffsetDateTime.class);
          OffsetDateTime updated = rs.getObject(7, OffsetDateTime.class);
          if (id > 0 && name != null && category != null && price != null && stock >= 0 && created != null && updated != null) {
            rows++;
          }
        }
      }
      return rows;
    }
  }

  private static void seed(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO shop.products (name, category, price, stock)"
              + " SELECT 'Product ' || g, 'Category ' || (g % 20), (g % 500) + 0.99, 100"
              + " FROM generate_series(1, " + PRODUCTS + ") g");
      s.execute("VACUUM ANALYZE");
    }
  }
}
