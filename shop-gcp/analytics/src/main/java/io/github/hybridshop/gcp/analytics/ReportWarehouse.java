package io.github.hybridshop.gcp.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Warehouse} whose every report is its {@link Report} query run on one store: an
 * implementation only says how a report runs there (BigQuery jobs, DuckDB JDBC), so the reports
 * cannot mean different things on different stores.
 */
public abstract class ReportWarehouse implements Warehouse {
  private final Clock clock;

  /**
   * @param clock the clock freshness is measured against
   */
  protected ReportWarehouse(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public final List<CategoryInventory> inventoryByCategory() {
    return run(Report.inventoryByCategory());
  }

  @Override
  public final List<LowStock> lowStock(int threshold, int limit) {
    return run(Report.lowStock(threshold, limit));
  }

  @Override
  public final List<DailySales> salesByDay(LocalDate from, LocalDate to) {
    return run(Report.salesByDay(from, to));
  }

  @Override
  public final List<TopProduct> topProducts(LocalDate from, LocalDate to, int limit) {
    return run(Report.topProducts(from, to, limit));
  }

  @Override
  public final List<StockPoint> stockHistory(long productId) {
    return run(Report.stockHistory(productId));
  }

  @Override
  public final Freshness freshness() {
    return Report.Heartbeat.freshness(run(Report.heartbeat()), clock.instant());
  }

  /**
   * Runs one report on this store, rendered in its dialect.
   *
   * @param report the report
   * @param <T> the row type
   * @return the rows, in the report's order
   * @throws WarehouseException when the store cannot answer
   */
  protected abstract <T> List<T> run(Report<T> report);
}
