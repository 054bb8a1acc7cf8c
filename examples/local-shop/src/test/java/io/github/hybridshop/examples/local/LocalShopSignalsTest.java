package io.github.hybridshop.examples.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shop-local} in a child JVM, signalled as an operator would: SIGTERM at several points of
 * start-up, while replicating and again while stopping, and {@code kill -9}, which leaves
 * PostgreSQL running for the next start to find. After each stop no PostgreSQL runs on the data directory, the output names
 * every part stopped, and the next start on the same data directory becomes healthy.
 */
class LocalShopSignalsTest {
  /** The parts in start order, as the status lines name them. */
  private static final List<String> PARTS = List.of("PostgreSQL", "API", "heartbeat", "replication", "web site");

  @TempDir Path dataDir;

  @Test
  void sigtermAtEachPointOfStartUpStopsEveryPartStartedAndTheNextStartIsHealthy() throws Exception {
    // On a fresh data directory, just after the shutdown hook is in place: initdb is running.
    stopAt(shop -> shop.awaitLine(line -> line.startsWith("[shop-local] starting on"), "starting"));
    // The server runs, the schema is being migrated.
    stopAt(shop -> shop.awaitLine(line -> line.startsWith("[shop-local] started PostgreSQL"), "PostgreSQL started"));
    // The API answers (and says not ready), replication and the web site are still to come.
    stopAt(shop -> shop.awaitFirstAnswer("/health"));

    // Ready, then stopped while product writes stream through replication, and signalled again
    // while stopping.
    ShopProcess shop = ShopProcess.start(dataDir);
    awaitHealthy(shop);
    String token = Files.readString(dataDir.resolve("admin-token")).strip();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger created = new AtomicInteger();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<?> writes = writer.submit(() -> writeProducts(shop, token, writing, created));
    shop.awaitCondition(() -> created.get() >= 20, "20 products written");
    shop.sigterm();
    // And again while it is stopping: the stop carries on to the end.
    shop.awaitLine(line -> line.equals("[shop-local] stopping"), "stopping");
    shop.sigterm();
    int exit = shop.awaitExit();
    writing.set(false);
    writes.get();
    writer.shutdown();
    assertStoppedCleanly(shop, exit);

    ShopProcess again = ShopProcess.start(dataDir);
    awaitHealthy(again);
    again.sigterm();
    assertStoppedCleanly(again, again.awaitExit());
  }

  @Test
  void aStartAfterKillMinus9StopsThePostgresqlLeftRunningAndBecomesHealthy() throws Exception {
    ShopProcess killed = ShopProcess.start(dataDir);
    awaitHealthy(killed);
    killed.kill9();
    killed.awaitExit();
    List<String> leftover = ShopProcess.postgresOn(dataDir);
    assertThat(leftover).as("kill -9 runs no shutdown hook, so PostgreSQL outlives the JVM").hasSize(1);

    ShopProcess next = ShopProcess.start(dataDir);
    String found = next.awaitLine(line -> line.contains("found PostgreSQL (pid"), "the leftover reported");
    assertThat(found).contains("pid " + leftover.get(0).split(" ")[0]).contains(dataDir.resolve("postgres").toString());
    next.awaitLine(line -> line.contains("stopped the PostgreSQL found running"), "the leftover stopped");
    awaitHealthy(next);
    assertThat(ShopProcess.postgresOn(dataDir)).hasSize(1).doesNotContain(leftover.get(0));
    next.sigterm();
    assertStoppedCleanly(next, next.awaitExit());
  }

  /** Starts the shop on the shared data directory, waits for a point of start-up, sends SIGTERM. */
  private void stopAt(Consumer<ShopProcess> point) throws Exception {
    ShopProcess shop = ShopProcess.start(dataDir);
    point.accept(shop);
    shop.sigterm();
    assertStoppedCleanly(shop, shop.awaitExit());
  }

  private static void awaitHealthy(ShopProcess shop) {
    shop.awaitCondition(
        () -> shop.get("/health").map(response -> response.statusCode() == 200).orElse(false), "/health 200");
  }

  /**
   * The JVM ended by the signal, printed one "stopped" line for each part it had started, newest
   * first, and "stopped" last, and left no PostgreSQL on the data directory.
   */
  private void assertStoppedCleanly(ShopProcess shop, int exit) {
    assertThat(exit).as(shop.report()).isEqualTo(143);
    List<String> lines = shop.lines();
    List<String> started = new ArrayList<>();
    List<String> stopped = new ArrayList<>();
    for (String line : lines) {
      for (String part : PARTS) {
        if (line.startsWith("[shop-local] started " + part)) {
          started.add(part);
        }
        if (line.equals("[shop-local] stopped " + part)) {
          stopped.add(part);
        }
      }
    }
    // Newest first, every part that said "started", plus at most the one being started when the
    // signal came (it registers before saying so; PostgreSQL before it even starts).
    List<String> newestFirst = new ArrayList<>(PARTS);
    Collections.reverse(newestFirst);
    assertThat(stopped).as(shop.report()).containsAll(started).isSubsetOf(newestFirst);
    assertThat(stopped).as(shop.report()).isSortedAccordingTo(Comparator.comparing(newestFirst::indexOf));
    assertThat(stopped.size() - started.size()).as(shop.report()).isBetween(0, 1);
    assertThat(lines).as(shop.report()).last().isEqualTo("[shop-local] stopped");
    assertThat(lines).as(shop.report()).noneMatch(line -> line.contains("failed") || line.contains("going on without"));
    shop.awaitCondition(() -> ShopProcess.postgresOn(dataDir).isEmpty(), "no PostgreSQL left on " + dataDir);
  }

  private static Void writeProducts(ShopProcess shop, String token, AtomicBoolean writing, AtomicInteger created)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (int n = 0; writing.get(); n++) {
      HttpRequest request =
          HttpRequest.newBuilder(shop.api().resolve("/products"))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"name\":\"Signal " + n + "\",\"category\":\"Tea\",\"price\":\"1.00\",\"stock\":5}"))
              .build();
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201) {
          created.incrementAndGet();
        }
      } catch (java.io.IOException e) {
        Thread.sleep(50); // the shop is stopping
      }
    }
    return null;
  }
}
