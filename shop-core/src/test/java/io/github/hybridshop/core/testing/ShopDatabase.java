package io.github.hybridshop.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.db.ShopSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A migrated PostgreSQL database for tests, on the JVM-wide {@link PostgresServer}.
 *
 * <p>Get the shared one through {@link ShopDatabaseExtension}; tests that need a database of
 * their own (replication, say) call {@link #create()} for a fresh, migrated one on the same
 * server.
 */
public final class ShopDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static ShopDatabase shared;

  private final String jdbcUrl;
  private final HikariDataSource dataSource;

  private ShopDatabase(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(PostgresServer.get().user());
    config.setPassword(PostgresServer.get().password());
    config.setMaximumPoolSize(40);
    config.setPoolName("shop-test-" + COUNTER.incrementAndGet());
    this.dataSource = new HikariDataSource(config);
    ShopSchema.migrate(dataSource);
  }

  /** The database shared by every test in this JVM, migrated on first use. */
  static synchronized ShopDatabase shared() {
    if (shared == null) {
      shared = new ShopDatabase(PostgresServer.get().jdbcUrl(PostgresServer.get().defaultDatabase()));
    }
    return shared;
  }

  /**
   * Creates a new, empty, migrated database on the shared server.
   *
   * @return the database; {@link #close()} it when done
   */
  public static ShopDatabase create() {
    String name = "shop_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    PostgresServer.get().createDatabase(name);
    return new ShopDatabase(PostgresServer.get().jdbcUrl(name));
  }

  /** @return a pooled data source (40 connections) */
  public DataSource dataSource() {
    return dataSource;
  }

  /** @return the JDBC URL, without credentials */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** @return the user name */
  public String user() {
    return PostgresServer.get().user();
  }

  /** @return the password */
  public String password() {
    return PostgresServer.get().password();
  }

  /** @return the server's host, for clients that need parts rather than a URL */
  public String host() {
    return PostgresServer.get().host();
  }

  /** @return the server's port */
  public int port() {
    return PostgresServer.get().port();
  }

  /** @return the database name */
  public String databaseName() {
    String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** @return Jdbi on {@link #dataSource()}, for assertions in SQL */
  public Jdbi jdbi() {
    return Jdbi.create(dataSource);
  }

  /**
   * Connects a shop in euros.
   *
   * @return the shop on this database
   */
  public Shop shop() {
    return Shop.connect(dataSource, ShopConfig.of("EUR"));
  }

  /** Empties every shop table and restarts ids: milliseconds, unlike a new database. */
  public void reset() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "TRUNCATE shop.stock_movements, shop.order_lines, shop.orders, shop.products"
              + " RESTART IDENTITY CASCADE");
      statement.execute("UPDATE shop.replication_heartbeat SET beat_at = now()");
    } catch (SQLException e) {
      throw new IllegalStateException("could not reset the test database", e);
    }
  }

  /** Closes the pool (the database itself stays until the server stops). */
  public void close() {
    dataSource.close();
  }
}
