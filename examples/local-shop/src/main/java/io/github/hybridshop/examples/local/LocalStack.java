package io.github.hybridshop.examples.local;

import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The local shop as parts that start in order and stop in reverse: embedded PostgreSQL (data
 * kept in the data directory), the migrated {@link Shop}, and the HTTP API served by the Lambda
 * handlers. More parts (the web site, the local replicator) are added with
 * {@link #add(AutoCloseable)} and stop before the ones they depend on.
 */
public final class LocalStack implements AutoCloseable {
  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private final LocalDatabase database;
  private final Shop shop;
  private final String adminToken;
  private final LocalApiServer api;
  private final int demoProductsAdded;

  private LocalStack(LocalShopOptions options) throws IOException {
    Files.createDirectories(options.dataDir());
    adminToken = AdminToken.resolve(options.dataDir(), options.adminToken());
    database = add(LocalDatabase.start(options.dataDir()));
    try {
      shop = Shop.migrateAndConnect(
          database.dataSource(), ShopConfig.of(Objects.requireNonNullElse(System.getenv("SHOP_CURRENCY"), "EUR")));
      demoProductsAdded = options.demoData() ? DemoCatalog.loadOnce(shop) : 0;
      api = add(LocalApiServer.start(shop, adminToken, options.apiPort()));
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts the database, migrates it, loads demo data if asked, and starts the API.
   *
   * @param options the command-line options
   * @return the running stack
   * @throws IOException when a part cannot start (port taken, data directory unusable)
   */
  public static LocalStack start(LocalShopOptions options) throws IOException {
    return new LocalStack(options);
  }

  /**
   * Adds a part that stops before every part started earlier.
   *
   * @param part the running part
   * @param <T> its type
   * @return the part
   */
  public synchronized <T extends AutoCloseable> T add(T part) {
    parts.push(part);
    return part;
  }

  /**
   * Returns the shop.
   *
   * @return the shop on the local database
   */
  public Shop shop() {
    return shop;
  }

  /**
   * Returns the database.
   *
   * @return the embedded PostgreSQL
   */
  public LocalDatabase database() {
    return database;
  }

  /**
   * Returns the API's base URI.
   *
   * @return such as {@code http://127.0.0.1:3000}
   */
  public URI apiUri() {
    return api.baseUri();
  }

  /**
   * Returns the admin bearer token.
   *
   * @return the token
   */
  public String adminToken() {
    return adminToken;
  }

  /**
   * Returns how many demo products this start added.
   *
   * @return 0 unless {@code --demo-data} found an empty catalog
   */
  public int demoProductsAdded() {
    return demoProductsAdded;
  }

  /** Stops every part, newest first; the data stays in the data directory. */
  @Override
  public synchronized void close() {
    while (!parts.isEmpty()) {
      AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        System.err.println("[shop-local] stopping " + part.getClass().getSimpleName() + " failed: " + e);
      }
    }
  }
}
