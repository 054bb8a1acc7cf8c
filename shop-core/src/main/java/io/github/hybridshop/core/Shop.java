package io.github.hybridshop.core;

import io.github.hybridshop.core.catalog.Catalog;
import io.github.hybridshop.core.checkout.Checkout;
import io.github.hybridshop.core.internal.Database;
import io.github.hybridshop.core.db.ShopSchema;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The shop on one PostgreSQL database: the entry point for embedding applications.
 *
 * <pre>{@code
 * Shop shop = Shop.migrateAndConnect(dataSource, ShopConfig.of("EUR"));
 * Product tea = shop.catalog().add(new NewProduct("Green tea", "Tea", new BigDecimal("4.50"), 10));
 * Order order = shop.checkout().buy("order-1", OrderRequest.of(new OrderItem(tea.id(), 2)));
 * }</pre>
 *
 * <p>Thread-safe: share one instance. Pass a pooled {@link DataSource} (HikariCP, for instance);
 * each call borrows a connection for one short transaction.
 */
public final class Shop {
  private final Database database;
  private final ShopConfig config;
  private final Catalog catalog;
  private final Checkout checkout;

  private Shop(DataSource dataSource, ShopConfig config) {
    this.database = new Database(dataSource);
    this.config = Objects.requireNonNull(config, "config");
    this.catalog = new Catalog(database, config);
    this.checkout = new Checkout(database, config);
  }

  /**
   * Migrates the schema to the current version, then connects.
   *
   * @param dataSource the database, as a user that may create the {@code shop} schema
   * @param config the shop's settings
   * @return the shop
   */
  public static Shop migrateAndConnect(DataSource dataSource, ShopConfig config) {
    ShopSchema.migrate(dataSource);
    return connect(dataSource, config);
  }

  /**
   * Connects to a database whose schema was already migrated (for example by a deploy step).
   *
   * @param dataSource the database
   * @param config the shop's settings
   * @return the shop
   */
  public static Shop connect(DataSource dataSource, ShopConfig config) {
    return new Shop(dataSource, config);
  }

  /**
   * Returns the catalog.
   *
   * @return products: add, find, list, restock
   */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Returns the checkout.
   *
   * @return purchases: buy, find orders
   */
  public Checkout checkout() {
    return checkout;
  }

  /**
   * Returns the settings.
   *
   * @return the shop's settings
   */
  public ShopConfig config() {
    return config;
  }

  /**
   * Tells whether the database answers a trivial query right now.
   *
   * @return {@code true} when it does; {@code false} on any database error
   */
  public boolean isDatabaseReachable() {
    try {
      return database.withConnection(
          connection -> {
            try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery("SELECT 1")) {
              return rs.next() && rs.getInt(1) == 1;
            }
          });
    } catch (RuntimeException e) {
      return false;
    }
  }
}
