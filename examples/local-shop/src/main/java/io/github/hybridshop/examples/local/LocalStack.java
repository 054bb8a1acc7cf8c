package io.github.hybridshop.examples.local;

import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.core.replication.Heartbeat;
import io.github.hybridshop.core.replication.ReplicationSettings;
import io.github.hybridshop.core.replication.ReplicationSetup;
import io.github.hybridshop.gcp.replication.LocalReplicator;
import io.github.hybridshop.gcp.replication.ReplicatorConfig;
import io.github.hybridshop.gcp.web.WebApp;
import io.github.hybridshop.gcp.web.WebConfig;
import io.github.hybridshop.gcp.web.WebMain;
import io.github.hybridshop.gcp.web.security.PasswordHash;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The local shop as parts that start in order and stop in reverse: embedded PostgreSQL (data
 * kept in the data directory), the migrated {@link Shop}, the HTTP API served by the Lambda
 * handlers, the replication heartbeat, the Debezium replicator into
 * {@code <data-dir>/warehouse.duckdb}, and the web site reading the API and the warehouse.
 */
public final class LocalStack implements AutoCloseable {
  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private final LocalDatabase database;
  private final Shop shop;
  private final String adminToken;
  private final LocalApiServer api;
  private final String adminPassword;
  private final LocalReplicator replicator;
  private final WebApp web;
  private final int demoProductsAdded;

  private LocalStack(LocalShopOptions options) throws IOException {
    Files.createDirectories(options.dataDir());
    adminToken = LocalSecret.ADMIN_TOKEN.resolve(options.dataDir(), options.adminToken());
    adminPassword = LocalSecret.ADMIN_PASSWORD.resolve(options.dataDir(), options.adminPassword());
    database = add(LocalDatabase.start(options.dataDir()));
    try {
      ShopConfig config = ShopConfig.of(Objects.requireNonNullElse(System.getenv("SHOP_CURRENCY"), "EUR"));
      shop = Shop.migrateAndConnect(database.dataSource(), config);
      demoProductsAdded = options.demoData() ? DemoCatalog.loadOnce(shop) : 0;
      api = add(LocalApiServer.start(shop, adminToken, options.apiPort()));

      // Locally the replicator reads as the embedded superuser, so no replication role is made.
      new ReplicationSetup(database.dataSource())
          .prepare(
              ReplicationSettings.defaults()
                  .withSlot(ReplicatorConfig.DEFAULT_SLOT)
                  .withFlavour(ReplicationSettings.Flavour.PLAIN),
              null);
      add(new Heartbeat(database.dataSource()).start(Duration.ofSeconds(10)));
      replicator =
          add(
              LocalReplicator.start(
                  ReplicatorConfig.of(
                      "localhost", database.port(), LocalDatabase.NAME, LocalDatabase.USER, LocalDatabase.PASSWORD,
                      options.dataDir())));

      WebConfig site =
          WebConfig.local(
              options.webPort(), api.baseUri(), PasswordHash.create(adminPassword.toCharArray()), adminToken,
              config.currency());
      web = add(WebApp.start(site, WebMain.apiClient(site), replicator.warehouse(Clock.systemUTC())));
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts the database, migrates it, loads demo data if asked, and starts the API, the
   * replication into DuckDB and the web site.
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
   * Returns the web site's base URI.
   *
   * @return such as {@code http://127.0.0.1:8080}
   */
  public URI webUri() {
    return URI.create("http://127.0.0.1:" + web.port());
  }

  /**
   * Returns the web admin password.
   *
   * @return the password
   */
  public String adminPassword() {
    return adminPassword;
  }

  /**
   * Returns the replicator.
   *
   * @return the Debezium replicator keeping the DuckDB warehouse
   */
  public LocalReplicator replicator() {
    return replicator;
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
