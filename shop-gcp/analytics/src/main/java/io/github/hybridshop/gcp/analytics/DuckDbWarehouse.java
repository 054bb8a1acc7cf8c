package io.github.hybridshop.gcp.analytics;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The reports on the local DuckDB copy, with the same SQL as BigQuery ({@link Report}).
 *
 * <p>DuckDB lets one process write a database file. While the local replicator (module
 * shop-replication) runs, read through its database instance (its {@code warehouse(Clock)});
 * when it is stopped, open the file read-only ({@link #readOnly(Path, Clock)}), one connection
 * per report so the file is free again in between.
 *
 * <p>Needs {@code org.duckdb:duckdb_jdbc} on the class path, which this module declares optional.
 */
public final class DuckDbWarehouse extends ReportWarehouse {
  private final ConnectionSource connections;

  /** Opens a connection for one report; the caller closes it. */
  @FunctionalInterface
  public interface ConnectionSource {
    /**
     * @return a fresh connection to the warehouse
     * @throws SQLException when it cannot be opened
     */
    Connection open() throws SQLException;
  }

  /**
   * @param connections where each report gets its connection
   * @param clock the clock freshness is measured against
   */
  public DuckDbWarehouse(ConnectionSource connections, Clock clock) {
    super(clock);
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * Reads a warehouse file no process is writing.
   *
   * @param file {@code <data-dir>/warehouse.duckdb}
   * @param clock the clock
   * @return the warehouse
   */
  public static DuckDbWarehouse readOnly(Path file, Clock clock) {
    Path absolute = file.toAbsolutePath();
    return new DuckDbWarehouse(
        () -> {
          if (!Files.exists(absolute)) {
            throw new SQLException(absolute + " does not exist yet: start the local stack once so replication creates it");
          }
          Properties properties = new Properties();
          properties.setProperty("duckdb.read_only", "true");
          return DriverManager.getConnection("jdbc:duckdb:" + absolute, properties);
        },
        clock);
  }

  @Override
  protected <T> List<T> run(Report<T> report) {
    Dialect.Rendered rendered = report.render(Dialect.DUCKDB, WarehouseTables.LOCAL);
    try (Connection connection = connections.open();
        PreparedStatement statement = connection.prepareStatement(rendered.sql())) {
      for (int i = 0; i < rendered.parameters().size(); i++) {
        statement.setObject(i + 1, report.parameters().get(rendered.parameters().get(i)));
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet results = statement.executeQuery()) {
        ReportRow row = new JdbcRow(results);
        while (results.next()) {
          rows.add(report.mapper().apply(row));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new WarehouseException(
          "DuckDB report " + report.name() + " failed: " + e.getMessage()
              + " — the shop_* tables appear once replication has copied the first rows",
          e);
    }
  }

  /** The current row of a JDBC result set. */
  private record JdbcRow(ResultSet results) implements ReportRow {
    @Override
    public String text(String column) {
      return read(() -> results.getString(column));
    }

    @Override
    public long whole(String column) {
      return read(() -> results.getLong(column));
    }

    @Override
    public BigDecimal decimal(String column) {
      BigDecimal value = read(() -> results.getBigDecimal(column));
      return value == null ? BigDecimal.ZERO : value;
    }

    @Override
    public LocalDate date(String column) {
      return read(() -> results.getObject(column, LocalDate.class));
    }

    @Override
    public Instant instant(String column) {
      LocalDateTime utc = read(() -> results.getObject(column, LocalDateTime.class));
      return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static <V> V read(SqlRead<V> read) {
      try {
        return read.get();
      } catch (SQLException e) {
        throw new IllegalStateException("unexpected report column: " + e.getMessage(), e);
      }
    }
  }

  @FunctionalInterface
  private interface SqlRead<V> {
    V get() throws SQLException;
  }
}
