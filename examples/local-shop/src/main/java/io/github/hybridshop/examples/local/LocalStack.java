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
import java.util.List;
import java.util.Objects;

/**
 * The local shop as parts that start in order and stop in reverse: embedded PostgreSQL (data
 * kept in the data directory), the migrated {@link Shop}, the HTTP API served by the Lambda
 * handlers, the replication heartbeat, the Debezium replicator into
 * {@code <data-dir>/warehouse.duckdb}, and the web site reading the API and the warehouse.
 *
 * <p>The parts are registered with a {@link Lifecycle}, which {@code shop-local.jar} hands to
 * its shutdown hook before anything starts, so a signal at any moment stops what has started.
 * The data directory is locked for the stack's lifetime ({@code shop-local.lock}). The API's
 * {@code GET /status} and {@code /health} report every part ({@link StackStatus}); {@code /health}
 * answers 200 only once all of them are up.
 */
public final class LocalStack implements AutoCloseable {
  private final Lifecycle lifecycle;
  private final LocalDatabase database;
  private final Shop shop;
  private final String adminToken;
  private final LocalApiServer api;
  private final String adminPassword;
  private final LocalReplicator replicator;
  private final WebApp web;
  private final int demoProductsAdded;

  private LocalStack(LocalShopOptions options, Lifecycle lifecycle) throws IOException {
    this.lifecycle = lifecycle;
    lifecycle.startBegan();
    try {
      Files.createDirectories(options.dataDir());
      lifecycle.add("data directory lock", DataDirLock.take(options.dataDir()), Duration.ofSeconds(5));
      adminToken = LocalSecret.ADMIN_TOKEN.resolve(options.dataDir(), options.adminToken());
      adminPassword = LocalSecret.ADMIN_PASSWORD.resolve(options.dataDir(), options.adminPassword());
      // Registered before it starts: a stop while PostgreSQL starts still stops it.
      database = lifecycle.add("PostgreSQL", LocalDatabase.at(options.dataDir(), lifecycle::say), Duration.ofSeconds(90));
      database.start();
      lifecycle.say("started PostgreSQL on port " + database.port());
      lifecycle.checkNotStopping("the shop");

      ShopConfig config = ShopConfig.of(Objects.requireNonNullElse(System.getenv("SHOP_CURRENCY"), "EUR"));
      shop = Shop.migrateAndConnect(database.dataSource(), config);
      demoProductsAdded = options.demoData() ? DemoCatalog.loadOnce(shop) : 0;
      lifecycle.checkNotStopping("the API");
      StackStatus status = new StackStatus(lifecycle, database.dataSource(), ReplicatorConfig.DEFAULT_SLOT, Clock.systemUTC());
      api =
          lifecycle.add(
              "API",
              LocalApiServer.start(
                  shop, adminToken, options.apiPort(), status.readiness(), List.of(status), status.counters()),
              Duration.ofSeconds(10));
      status.apiStarted(api);
      lifecycle.say("started API on " + api.baseUri());

      // Locally the replicator reads as the embedded superuser, so no replication role is made.
      new ReplicationSetup(database.dataSource())
          .prepare(
              ReplicationSettings.defaults()
                  .withSlot(ReplicatorConfig.DEFAULT_SLOT)
                  .withFlavour(ReplicationSettings.Flavour.PLAIN),
              null);
      lifecycle.add("heartbeat", new Heartbeat(database.dataSource()).start(Duration.ofSeconds(10)), Duration.ofSeconds(5));
      lifecycle.say("started heartbeat");
      replicator =
          lifecycle.add(
              "replication",
              LocalReplicator.start(
                  ReplicatorConfig.of(
                      "localhost", database.port(), LocalDatabase.NAME, LocalDatabase.USER, LocalDatabase.PASSWORD,
                      options.dataDir())),
              Duration.ofSeconds(45));
      status.replicationStarted(replicator);
      lifecycle.say("started replication into " + replicator.config().warehouseFile());

      WebConfig site =
          WebConfig.local(
              options.webPort(), api.baseUri(), PasswordHash.create(adminPassword.toCharArray()), adminToken,
              config.currency());
      web =
          lifecycle.add(
              "web site",
              WebApp.start(site, WebMain.apiClient(site), replicator.warehouse(Clock.systemUTC())),
              Duration.ofSeconds(15));
      status.webStarted(web);
      lifecycle.say("started web site on " + webUri());
    } catch (IOException | RuntimeException e) {
      lifecycle.startEnded(false);
      lifecycle.stop();
      throw e;
    }
    lifecycle.startEnded(true);
  }

  /**
   * Starts the stack, reporting to standard output.
   *
   * @param options the command-line options
   * @return the running stack
   * @throws IOException when a part cannot start (port taken, data directory unusable)
   */
  public static LocalStack start(LocalShopOptions options) throws IOException {
    return start(options, new Lifecycle(System.out));
  }

  /**
   * Locks the data directory, starts the database, migrates it, loads demo data if asked, and
   * starts the API, the replication into DuckDB and the web site, registering each with the
   * lifecycle. When start-up fails, what had started is stopped before the error is thrown.
   *
   * @param options the command-line options
   * @param lifecycle where the parts are registered; its {@link Lifecycle#stop()} may be called
   *     from another thread at any time
   * @return the running stack
   * @throws IOException when a part cannot start (port taken, data directory unusable)
   * @throws Lifecycle.StopRequested when the lifecycle was stopped during start-up
   * @throws IllegalStateException when another stack runs on the data directory
   */
  public static LocalStack start(LocalShopOptions options, Lifecycle lifecycle) throws IOException {
    return new LocalStack(options, lifecycle);
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

  /** Stops every part, newest first, one status line each; the data stays in the data directory. */
  @Override
  public void close() {
    lifecycle.stop();
  }
}
