package io.github.hybridshop.examples.local;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar shop-local.jar [--api-port 3000] [--web-port 8080] [--data-dir .shop-local]
 * [--admin-token TOKEN] [--admin-password PASSWORD] [--demo-data]}: the whole shop on this
 * machine: the API on embedded PostgreSQL kept in the data directory, the web site, and
 * replication into {@code <data-dir>/warehouse.duckdb}. Prints one line per part started, then the
 * URLs and the admin secrets once everything answers. Ctrl-C or SIGTERM, at any moment of
 * start-up or later, stops every part started so far, newest first, one line per part.
 */
public final class LocalShop {
  private LocalShop() {}

  /**
   * Runs the local shop until the JVM is asked to stop.
   *
   * @param args the command line
   * @throws IOException when a part cannot start
   * @throws InterruptedException never in practice: the main thread waits for shutdown
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    LocalShopOptions options;
    try {
      options = LocalShopOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Lifecycle lifecycle = new Lifecycle(System.out);
    // Before anything starts: a signal during start-up must stop what has started so far.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!lifecycle.isStopping()) {
        lifecycle.say("stopping");
      }
      lifecycle.stop();
      lifecycle.say("stopped");
    }, "shop-local-shutdown"));
    lifecycle.say("starting on " + options.dataDir().toAbsolutePath());
    LocalStack stack;
    try {
      stack = LocalStack.start(options, lifecycle);
    } catch (Lifecycle.StopRequested e) {
      return; // the shutdown hook is stopping what started
    } catch (IOException | RuntimeException e) {
      System.err.println("[shop-local] could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (stack.demoProductsAdded() > 0) {
      System.out.println("[shop-local] loaded " + stack.demoProductsAdded() + " demo products");
    }
    System.out.println("[shop-local] data:        " + options.dataDir().toAbsolutePath());
    System.out.println("[shop-local] PostgreSQL:  " + stack.database().jdbcUrl());
    System.out.println("[shop-local] API:         " + stack.apiUri());
    System.out.println("[shop-local] status:      " + stack.apiUri() + "/status   (health: " + stack.apiUri() + "/health)");
    System.out.println("[shop-local] admin token: " + stack.adminToken());
    System.out.println("[shop-local] warehouse:   " + stack.replicator().config().warehouseFile());
    System.out.println("[shop-local] web site:    " + stack.webUri() + "/");
    System.out.println("[shop-local] admin:       " + stack.webUri() + "/admin   password: " + stack.adminPassword());
    System.out.println("[shop-local] analytics:   " + stack.webUri() + "/analytics");
    System.out.println("[shop-local] ready (Ctrl-C stops)");
    new CountDownLatch(1).await(); // until the JVM stops; the shutdown hook stops the parts
  }
}
