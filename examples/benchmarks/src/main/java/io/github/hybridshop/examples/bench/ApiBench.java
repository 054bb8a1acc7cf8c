package io.github.hybridshop.examples.bench;

import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.checkout.OrderItem;
import io.github.hybridshop.core.checkout.OrderRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code api}: {@code POST /orders} over HTTP through {@link LocalApiServer} (the Lambda
 * handlers: event building, routing, JSON, problem mapping) from concurrent
 * {@link HttpClient} clients, versus shop-core's checkout called in-process on the same pool in
 * the same run. The ratio is what the HTTP API layer costs.
 */
final class ApiBench implements Scenario {
  private static final int PRODUCTS = 10_000;
  private static final AtomicLong KEYS = new AtomicLong();

  @Override
  public String run(Flags flags) throws Exception {
    int threads = flags.intValue("threads", 32);
    int seconds = flags.intValue("seconds", 20);
    try (BenchDatabase db = BenchDatabase.start(threads)) {
      PurchaseBench.seed(db.pool(), PRODUCTS);
      Shop shop = Shop.connect(db.pool(), ShopConfig.of("EUR"));
      try (LocalApiServer api = LocalApiServer.start(shop, "bench-admin-token-0123456789", 0)) {
        HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI orders = api.baseUri().resolve("/orders");
        Load.Comparison results =
            Load.compare(
                threads,
                seconds,
                flags.intValue("rounds", 4),
                (thread, i) -> post(client, orders, pick()),
                (thread, i) -> shop.checkout().buy("in-" + KEYS.incrementAndGet(), OrderRequest.of(new OrderItem(pick(), 1))));
        Map<String, Object> out = results.report("api", threads);
        out.put("baselineP50Ms", results.baseline().latencies().percentileMs(0.50));
        return Json.line(out);
      }
    }
  }

  private static void post(HttpClient client, URI orders, long productId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(orders)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "http-" + KEYS.incrementAndGet())
            .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"productId\":" + productId + ",\"quantity\":1}]}"))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static long pick() {
    return 1 + ThreadLocalRandom.current().nextInt(PRODUCTS);
  }
}
