package io.github.hybridshop.gcp.web;

import io.github.hybridshop.gcp.analytics.Warehouse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A warehouse answering fixed rows, for dashboard rendering and JSON shape tests. */
class FixedWarehouse implements Warehouse {
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @Override
  public List<CategoryInventory> inventoryByCategory() {
    return List.of(
        new CategoryInventory("Tea", 120, new BigDecimal("1500.00")),
        new CategoryInventory("<b>Coffee</b>", 40, new BigDecimal("600.50")));
  }

  @Override
  public List<LowStock> lowStock(int threshold, int limit) {
    return List.of(new LowStock(7, "Matcha", "Tea", 2));
  }

  @Override
  public List<DailySales> salesByDay(LocalDate from, LocalDate to) {
    return List.of(
        new DailySales(TODAY.minusDays(2), 3, 5, new BigDecimal("42.00")),
        new DailySales(TODAY, 1, 1, new BigDecimal("7.50")));
  }

  @Override
  public List<TopProduct> topProducts(LocalDate from, LocalDate to, int limit) {
    return List.of(new TopProduct(7, "Matcha", 6, new BigDecimal("49.50")));
  }

  @Override
  public List<StockPoint> stockHistory(long productId) {
    return List.of(
        new StockPoint(Instant.parse("2026-11-30T10:00:00Z"), 10, "initial", 10),
        new StockPoint(Instant.parse("2026-11-30T11:00:00Z"), -2, "sale", 8));
  }

  @Override
  public Freshness freshness() {
    return new Freshness(Instant.parse("2026-12-01T06:00:00Z"), Instant.parse("2026-12-01T06:00:00Z"), 12.5);
  }
}
