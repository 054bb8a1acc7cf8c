package io.github.hybridshop.gcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import io.github.hybridshop.gcp.analytics.Warehouse.CategoryInventory;
import io.github.hybridshop.gcp.analytics.Warehouse.DailySales;
import io.github.hybridshop.gcp.analytics.Warehouse.Freshness;
import io.github.hybridshop.gcp.analytics.Warehouse.LowStock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BigQueryWarehouseTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:30Z");

  private FakeBigQuery fake;
  private Warehouse warehouse;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeBigQuery();
    BigQuery bigQuery =
        BigQueryOptions.newBuilder()
            .setHost(fake.url())
            .setProjectId("shop-analytics")
            .setLocation("EU")
            .setCredentials(NoCredentials.getInstance())
            .build()
            .getService();
    warehouse =
        new BigQueryWarehouse(bigQuery, WarehouseTables.bigQuery("shop-analytics", "shop_replica"), "EU", Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    fake.close();
    assertThat(fake.failures).as("errors inside the fake").isEmpty();
  }

  @Test
  void readsEveryPageOfAReport() {
    fake.answer(
        new FakeBigQuery.Answer(
            "FROM `shop-analytics.shop_replica.shop_products`",
            List.of(new String[] {"category", "STRING"}, new String[] {"units", "INTEGER"}, new String[] {"value", "NUMERIC"}),
            List.of(
                List.of(List.of("Drinks", "18", "108.5"), List.of("Kitchen", "1", "12")),
                List.of(List.of("Garden", "0", "0"))),
            null));

    assertThat(warehouse.inventoryByCategory())
        .containsExactly(
            new CategoryInventory("Drinks", 18, new BigDecimal("108.5")),
            new CategoryInventory("Kitchen", 1, new BigDecimal("12")),
            new CategoryInventory("Garden", 0, new BigDecimal("0")));
    assertThat(fake.requestLines()).anyMatch(line -> line.contains("pageToken=page-1"));
    JsonNode request = fake.queryRequests.get(0);
    assertThat(sql(request)).contains("SUM(stock * price)").contains("GROUP BY category");
    assertThat(useLegacySql(request)).isFalse();
    assertThat(location(request)).isEqualTo("EU");
  }

  @Test
  void sendsNamedTypedParameters() {
    fake.answer(
        new FakeBigQuery.Answer(
            "@threshold",
            List.of(new String[] {"product_id", "INTEGER"}, new String[] {"name", "STRING"}, new String[] {"category", "STRING"}, new String[] {"stock", "INTEGER"}),
            List.of(List.of(List.of("3", "Mug", "Kitchen", "1"))),
            null));
    fake.answer(
        new FakeBigQuery.Answer(
            "@from_day",
            List.of(new String[] {"day", "DATE"}, new String[] {"orders", "INTEGER"}, new String[] {"units", "INTEGER"}, new String[] {"revenue", "NUMERIC"}),
            List.of(List.of(List.of("2026-12-01", "2", "4", "33"))),
            null));

    assertThat(warehouse.lowStock(5, 10)).containsExactly(new LowStock(3, "Mug", "Kitchen", 1));
    assertThat(warehouse.salesByDay(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-01")))
        .containsExactly(new DailySales(LocalDate.parse("2026-12-01"), 2, 4, new BigDecimal("33")));

    JsonNode lowStock = fake.queryRequests.get(0);
    assertThat(sql(lowStock)).contains("WHERE stock <= @threshold").contains("LIMIT @row_limit")
        .contains("`shop-analytics.shop_replica.shop_products`");
    assertThat(parameter(lowStock, "threshold")).isEqualTo("INT64=5");
    assertThat(parameter(lowStock, "row_limit")).isEqualTo("INT64=10");
    JsonNode sales = fake.queryRequests.get(1);
    assertThat(parameter(sales, "from_day")).isEqualTo("DATE=2026-11-30");
    assertThat(parameter(sales, "to_day")).isEqualTo("DATE=2026-12-01");
  }

  @Test
  void freshnessComesFromTheReplicatedHeartbeat() {
    // BigQuery's REST API sends TIMESTAMP cells as epoch seconds with a fraction.
    fake.answer(
        new FakeBigQuery.Answer(
            "shop_replication_heartbeat",
            List.of(new String[] {"beat_at", "TIMESTAMP"}, new String[] {"source_timestamp", "INTEGER"}),
            List.of(List.of(List.of("1796126400.0", "1796126400250"))),
            null));

    Freshness freshness = warehouse.freshness();

    assertThat(freshness.heartbeatAt()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
    assertThat(freshness.lastSourceTimestamp()).isEqualTo(Instant.parse("2026-12-01T12:00:00.250Z"));
    assertThat(freshness.lagSeconds()).isEqualTo(30.0);
    assertThat(sql(fake.queryRequests.get(0))).contains("h.datastream_metadata.source_timestamp");
  }

  @Test
  void aFailedJobBecomesAClearWarehouseError() {
    fake.answer(
        new FakeBigQuery.Answer(
            "shop_stock_movements", List.of(), List.of(),
            "Not found: Table shop-analytics:shop_replica.shop_stock_movements was not found in location EU"));

    assertThatThrownBy(() -> warehouse.stockHistory(7))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("stock-history")
        .hasMessageContaining("shop_stock_movements was not found")
        .hasMessageContaining("Datastream");
  }

  @Test
  void rejectsDatasetNamesThatWouldInjectSql() {
    assertThatThrownBy(() -> WarehouseTables.bigQuery("shop-analytics", "x` WHERE 1=1 --"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dataset");
    assertThatThrownBy(() -> WarehouseTables.bigQuery("Shop Analytics", "shop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("project");
  }

  private static String sql(JsonNode request) {
    JsonNode job = request.path("configuration").path("query");
    return job.isMissingNode() ? request.path("query").asText() : job.path("query").asText();
  }

  private static boolean useLegacySql(JsonNode request) {
    JsonNode job = request.path("configuration").path("query");
    return (job.isMissingNode() ? request : job).path("useLegacySql").asBoolean(true);
  }

  private static String location(JsonNode request) {
    JsonNode reference = request.path("jobReference");
    return reference.isMissingNode() ? request.path("location").asText() : reference.path("location").asText();
  }

  private static String parameter(JsonNode request, String name) {
    JsonNode job = request.path("configuration").path("query");
    for (JsonNode parameter : (job.isMissingNode() ? request : job).path("queryParameters")) {
      if (parameter.path("name").asText().equals(name)) {
        return parameter.path("parameterType").path("type").asText() + "=" + parameter.path("parameterValue").path("value").asText();
      }
    }
    return null;
  }
}
