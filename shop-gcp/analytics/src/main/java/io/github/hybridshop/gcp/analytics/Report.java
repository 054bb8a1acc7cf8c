package io.github.hybridshop.gcp.analytics;

import io.github.hybridshop.gcp.analytics.Warehouse.CategoryInventory;
import io.github.hybridshop.gcp.analytics.Warehouse.DailySales;
import io.github.hybridshop.gcp.analytics.Warehouse.LowStock;
import io.github.hybridshop.gcp.analytics.Warehouse.StockPoint;
import io.github.hybridshop.gcp.analytics.Warehouse.TopProduct;
import io.github.hybridshop.gcp.analytics.Warehouse.Freshness;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One analyst report: its SQL, written once for both warehouses (see {@link Dialect} for the
 * placeholders), its parameters and how a row becomes a record. Keeping the SQL here is what
 * keeps BigQuery and DuckDB answering the same question.
 *
 * <p>Timestamps are UTC in both stores (BigQuery {@code TIMESTAMP}, DuckDB {@code TIMESTAMP}
 * holding UTC), so {@code CAST(ts AS DATE)} is the UTC day in both.
 *
 * @param name a short name for logs and errors
 * @param template the SQL template
 * @param parameters named parameter values ({@link Long} or {@link LocalDate})
 * @param mapper turns one row into the report's record
 * @param <T> the row record
 */
public record Report<T>(
    String name, String template, Map<String, Object> parameters, Function<ReportRow, T> mapper) {

  /** Copies the parameters. */
  public Report {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(template, "template");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * @return units and value per category
   */
  public static Report<CategoryInventory> inventoryByCategory() {
    return new Report<>(
        "inventory-by-category",
        """
        SELECT category, SUM(stock) AS units, SUM(stock * price) AS value
        FROM {products}
        GROUP BY category
        ORDER BY value DESC, category""",
        Map.of(),
        row -> new CategoryInventory(row.text("category"), row.whole("units"), row.decimal("value")));
  }

  /**
   * @param threshold the most units a listed product may have
   * @param limit the most rows
   * @return the low-stock products
   */
  public static Report<LowStock> lowStock(int threshold, int limit) {
    return new Report<>(
        "low-stock",
        """
        SELECT id AS product_id, name, category, stock
        FROM {products}
        WHERE stock <= @threshold
        ORDER BY stock, id
        LIMIT @row_limit""",
        params("threshold", (long) threshold, "row_limit", positive(limit)),
        row ->
            new LowStock(
                row.whole("product_id"), row.text("name"), row.text("category"), (int) row.whole("stock")));
  }

  /**
   * @param from the first UTC day
   * @param to the last UTC day
   * @return sales per day
   */
  public static Report<DailySales> salesByDay(LocalDate from, LocalDate to) {
    return new Report<>(
        "sales-by-day",
        """
        SELECT CAST(o.created_at AS DATE) AS day,
               COUNT(DISTINCT o.id) AS orders,
               SUM(l.quantity) AS units,
               SUM(l.quantity * l.unit_price) AS revenue
        FROM {orders} AS o
        JOIN {order_lines} AS l ON l.order_id = o.id
        WHERE CAST(o.created_at AS DATE) BETWEEN @from_day AND @to_day
        GROUP BY day
        ORDER BY day""",
        params("from_day", range(from, to), "to_day", to),
        row ->
            new DailySales(
                row.date("day"), row.whole("orders"), row.whole("units"), row.decimal("revenue")));
  }

  /**
   * @param from the first UTC day
   * @param to the last UTC day
   * @param limit the most rows
   * @return best sellers
   */
  public static Report<TopProduct> topProducts(LocalDate from, LocalDate to, int limit) {
    return new Report<>(
        "top-products",
        """
        SELECT l.product_id, p.name,
               SUM(l.quantity) AS units,
               SUM(l.quantity * l.unit_price) AS revenue
        FROM {order_lines} AS l
        JOIN {orders} AS o ON o.id = l.order_id
        JOIN {products} AS p ON p.id = l.product_id
        WHERE CAST(o.created_at AS DATE) BETWEEN @from_day AND @to_day
        GROUP BY l.product_id, p.name
        ORDER BY units DESC, l.product_id
        LIMIT @row_limit""",
        params("from_day", range(from, to), "to_day", to, "row_limit", positive(limit)),
        row ->
            new TopProduct(
                row.whole("product_id"), row.text("name"), row.whole("units"), row.decimal("revenue")));
  }

  /**
   * @param productId the product
   * @return its movements with the running stock
   */
  public static Report<StockPoint> stockHistory(long productId) {
    return new Report<>(
        "stock-history",
        """
        SELECT m.[at] AS moved_at, m.delta, m.reason,
               SUM(m.delta) OVER (ORDER BY m.[at], m.id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                 AS stock_after
        FROM {stock_movements} AS m
        WHERE m.product_id = @product_id
        ORDER BY m.[at], m.id""",
        params("product_id", productId),
        row ->
            new StockPoint(
                row.instant("moved_at"), (int) row.whole("delta"), row.text("reason"), row.whole("stock_after")));
  }

  /**
   * The replicated heartbeat; the warehouse turns it into {@link Warehouse.Freshness} against
   * its clock.
   *
   * @return the heartbeat row (at most one)
   */
  public static Report<Heartbeat> heartbeat() {
    return new Report<>(
        "freshness",
        """
        SELECT h.beat_at, h.datastream_metadata.source_timestamp AS source_timestamp
        FROM {replication_heartbeat} AS h
        ORDER BY h.beat_at DESC
        LIMIT 1""",
        Map.of(),
        row -> new Heartbeat(row.instant("beat_at"), row.epochMillis("source_timestamp")));
  }

  /**
   * Renders this report for one store.
   *
   * @param dialect the store's dialect
   * @param tables where the tables are
   * @return the SQL and parameter order
   */
  public Dialect.Rendered render(Dialect dialect, WarehouseTables tables) {
    return dialect.render(template, tables);
  }

  /**
   * The replicated heartbeat row.
   *
   * @param beatAt the source's {@code beat_at}
   * @param sourceTimestamp when the source committed it ({@code datastream_metadata.source_timestamp})
   */
  public record Heartbeat(Instant beatAt, Instant sourceTimestamp) {

    /**
     * The freshness as of {@code now}, from the newest heartbeat row (if any).
     *
     * @param rows the report's rows, newest first
     * @param now the current time
     * @return the lag, or all {@code null} before the first heartbeat arrived
     */
    public static Freshness freshness(List<Heartbeat> rows, Instant now) {
      if (rows.isEmpty() || rows.get(0).beatAt() == null) {
        return new Freshness(null, null, null);
      }
      Heartbeat beat = rows.get(0);
      double lag = Duration.between(beat.beatAt(), now).toMillis() / 1000.0;
      return new Freshness(beat.sourceTimestamp(), beat.beatAt(), Math.max(0, lag));
    }
  }

  private static Map<String, Object> params(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], Objects.requireNonNull(namesAndValues[i + 1], (String) namesAndValues[i]));
    }
    return map;
  }

  private static long positive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return limit;
  }

  private static LocalDate range(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
    }
    return from;
  }
}
