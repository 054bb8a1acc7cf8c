package io.github.hybridshop.gcp.analytics;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reports on BigQuery, over the tables Datastream keeps in one dataset (merge mode).
 *
 * <pre>{@code
 * BigQuery bigQuery = BigQueryOptions.newBuilder().setProjectId("my-project").build().getService();
 * Warehouse warehouse = new BigQueryWarehouse(bigQuery, WarehouseTables.bigQuery("my-project", "shop"), "EU", Clock.systemUTC());
 * }</pre>
 *
 * <p>Every report is standard SQL with named parameters; the dataset is part of the SQL text, so
 * {@link WarehouseTables} validates it. Results are read page by page to the end. Thread-safe.
 */
public final class BigQueryWarehouse extends ReportWarehouse {
  private final BigQuery bigQuery;
  private final WarehouseTables tables;
  private final String location;

  /**
   * @param bigQuery the client (its project is billed for the queries)
   * @param tables the project and dataset holding the {@code shop_*} tables
   * @param location the dataset's location (for example {@code EU}), where the jobs must run
   * @param clock the clock freshness is measured against
   */
  public BigQueryWarehouse(BigQuery bigQuery, WarehouseTables tables, String location, Clock clock) {
    super(clock);
    this.bigQuery = Objects.requireNonNull(bigQuery, "bigQuery");
    this.tables = Objects.requireNonNull(tables, "tables");
    if (tables.project() == null) {
      throw new IllegalArgumentException("BigQuery needs a project and dataset: use WarehouseTables.bigQuery(...)");
    }
    this.location = Objects.requireNonNull(location, "location");
  }

  @Override
  protected <T> List<T> run(Report<T> report) {
    Dialect.Rendered rendered = report.render(Dialect.BIGQUERY, tables);
    QueryJobConfiguration.Builder config =
        QueryJobConfiguration.newBuilder(rendered.sql()).setUseLegacySql(false);
    report.parameters().forEach((name, value) -> config.addNamedParameter(name, parameter(value)));
    try {
      TableResult result =
          bigQuery.query(config.build(), JobId.newBuilder().setLocation(location).setRandomJob().build());
      List<T> rows = new ArrayList<>();
      for (FieldValueList values : result.iterateAll()) {
        rows.add(report.mapper().apply(new BigQueryRow(values)));
      }
      return rows;
    } catch (BigQueryException e) {
      throw new WarehouseException(
          "BigQuery report " + report.name() + " failed in " + tables.project() + "." + tables.dataset()
              + " (" + location + "): " + e.getMessage()
              + " — check that Datastream has created the shop_* tables and that the caller may run jobs"
              + " (roles/bigquery.jobUser) and read the dataset (roles/bigquery.dataViewer)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException("interrupted while running report " + report.name(), e);
    }
  }

  private static QueryParameterValue parameter(Object value) {
    if (value instanceof Long number) {
      return QueryParameterValue.int64(number);
    }
    if (value instanceof LocalDate day) {
      return QueryParameterValue.date(day.toString());
    }
    throw new IllegalArgumentException("no BigQuery parameter type for " + value.getClass());
  }

  /** A BigQuery result row read by column name. */
  private record BigQueryRow(FieldValueList values) implements ReportRow {
    @Override
    public String text(String column) {
      FieldValue value = values.get(column);
      return value.isNull() ? null : value.getStringValue();
    }

    @Override
    public long whole(String column) {
      FieldValue value = values.get(column);
      return value.isNull() ? 0 : value.getLongValue();
    }

    @Override
    public BigDecimal decimal(String column) {
      FieldValue value = values.get(column);
      return value.isNull() ? BigDecimal.ZERO : value.getNumericValue();
    }

    @Override
    public LocalDate date(String column) {
      String text = text(column);
      return text == null ? null : LocalDate.parse(text);
    }

    @Override
    public Instant instant(String column) {
      FieldValue value = values.get(column);
      return value.isNull() ? null : value.getTimestampInstant();
    }
  }
}
