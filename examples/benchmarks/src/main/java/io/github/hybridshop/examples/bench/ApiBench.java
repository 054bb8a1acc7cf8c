package io.github.hybridshop.examples.bench;

import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.checkout.OrderItem;
import io.github.hybridshop.core.checkout.OrderRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code api}: {@code POST /orders} over HTTP through {@link LocalApiServer} (the Lambda
 * handlers: event building, routing, JSON, problem mapping) from concurrent clients, each with its
 * own keep-alive connection ({@link KeepAliveClient}), versus shop-core's checkout called
 * in-process on the same pool in the same run. The ratio is what the HTTP API layer costs.
 */
final class ApiBench implements Scenario {
  private static final int PRODUCTS = 10_000;
  private static final AtomicLong KEYS = new AtomicLong();

  @Override
  public Set<String> flags() {
    return Set.of("threads", "seconds", "rounds");
  }

  @Override
  public String run(Flags flags) throws Exception {
    int threads = flags.intValue("threads", 32);
    int seconds = flags.intValue("seconds", 20);
    try (BenchDatabase db = BenchDatabase.start(threads)) {
      PurchaseBench.seed(db.pool(), PRODUCTS);
      Shop shop = Shop.connect(db.pool(), ShopConfig.of("EUR"));
      try (LocalApiServer api = LocalApiServer.start(shop, "bench-admin-token-0123456789", 0)) {
        KeepAliveClient[] clients = new KeepAliveClient[threads];
        for (int t = 0; t < threads; t++) {
          clients[t] = new KeepAliveClient(api.baseUri());
        }
        try {
          Load.Comparison results =
              Load.compare(
                  threads,
                  seconds,
                  flags.intValue("rounds", 4),
                  (thread, i) -> post(clients[thread], pick()),
                  (thread, i) -> shop.checkout().buy("in-" + KEYS.incrementAndGet(), OrderRequest.of(new OrderItem(pick(), 1))));
          Map<String, Object> out = results.report("api", threads);
          out.put("baselineP50Ms", results.baseline().latencies().percentileMs(0.50));
          return Json.line(out);
        } finally {
          for (KeepAliveClient client : clients) {
            client.close();
          }
        }
      }
    }
  }

  private static void post(KeepAliveClient client, long productId) throws Exception {
    KeepAliveClient.Response response =
        client.send(
            "POST",
            "/orders",
            Map.of("Content-Type", "application/json", "Idempotency-Key", "http-" + KEYS.incrementAndGet()),
            "{\"items\":[{\"productId\":" + productId + ",\"quantity\":1}]}");
    if (response.status() != 201 || !response.body().contains("\"id\"")) {
      throw new IllegalStateException("POST /orders answered " + response.status() + ": " + response.body());
    }
  }

  private static long pick() {
    return 1 + ThreadLocalRandom.current().nextInt(PRODUCTS);
  }
}
