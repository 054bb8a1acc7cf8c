package io.github.hybridshop.gcp.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The analyst reports, with the same meaning on every store that holds the replicated shop
 * tables: BigQuery in the cloud (Datastream merge mode), DuckDB locally. Tables are named
 * {@code shop_<table>} and carry {@code datastream_metadata.source_timestamp} (epoch millis).
 */
public interface Warehouse {

  /**
   * Units and stock value per category, largest value first.
   *
   * @return one row per category
   */
  List<CategoryInventory> inventoryByCategory();

  /**
   * Products at or below a stock threshold, lowest stock first.
   *
   * @param threshold the most units a product may have to be listed
   * @param limit the most rows to return
   * @return the low-stock products
   */
  List<LowStock> lowStock(int threshold, int limit);

  /**
   * Orders, units and revenue per UTC day in {@code [from, to]}, oldest first; days without
   * sales are absent.
   *
   * @param from the first day
   * @param to the last day
   * @return one row per day with sales
   */
  List<DailySales> salesByDay(LocalDate from, LocalDate to);

  /**
   * Best-selling products by units in {@code [from, to]} (UTC days).
   *
   * @param from the first day
   * @param to the last day
   * @param limit the most rows to return
   * @return products, most units first
   */
  List<TopProduct> topProducts(LocalDate from, LocalDate to, int limit);

  /**
   * Every stock movement of one product with the running stock after it, oldest first.
   *
   * @param productId the product
   * @return the movements
   */
  List<StockPoint> stockHistory(long productId);

  /**
   * How far the copy lags behind the source, from the replicated heartbeat.
   *
   * @return the freshness
   */
  Freshness freshness();

  /**
   * @param category the category
   * @param units units in stock
   * @param value units times price
   */
  record CategoryInventory(String category, long units, BigDecimal value) {}

  /**
   * @param productId the product id
   * @param name the product name
   * @param category the category
   * @param stock units in stock
   */
  record LowStock(long productId, String name, String category, int stock) {}

  /**
   * @param day the UTC day
   * @param orders orders placed
   * @param units units sold
   * @param revenue sum of line totals
   */
  record DailySales(LocalDate day, long orders, long units, BigDecimal revenue) {}

  /**
   * @param productId the product id
   * @param name the product name
   * @param units units sold
   * @param revenue sum of line totals
   */
  record TopProduct(long productId, String name, long units, BigDecimal revenue) {}

  /**
   * @param at when the movement happened
   * @param delta the change in units
   * @param reason initial, restock or sale
   * @param stockAfter the stock after this movement
   */
  record StockPoint(Instant at, int delta, String reason, long stockAfter) {}

  /**
   * @param lastSourceTimestamp the newest {@code datastream_metadata.source_timestamp} of the
   *     heartbeat row (when the source committed it), or {@code null} before the first heartbeat
   * @param heartbeatAt the heartbeat's {@code beat_at} as replicated, or {@code null}
   * @param lagSeconds seconds between now and the replicated heartbeat's {@code beat_at};
   *     {@code null} when unknown
   */
  record Freshness(Instant lastSourceTimestamp, Instant heartbeatAt, Double lagSeconds) {}
}
