package io.github.hybridshop.examples.bench;

import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.gcp.api.ShopApiClient;
import io.github.hybridshop.gcp.api.TokenProvider;
import io.github.hybridshop.gcp.web.WebApp;
import io.github.hybridshop.gcp.web.WebConfig;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * {@code web}: the catalog page (50 products at a random cursor) through the site, against
 * {@code GET /products?limit=50} on the API directly, both over HTTP on the loopback interface
 * in the same run. Also reports the page's size ({@code htmlBytes}, goal at most 40 KB) and
 * that it has no inline images.
 */
final class WebBench implements Scenario {
  private static final int PRODUCTS = 2_000;
  private static final int PAGE = 50;
  private static final String ADMIN_TOKEN = "bench-admin-token-" + Long.toHexString(new SecureRandom().nextLong());

  @Override
  public Set<String> flags() {
    return Set.of("threads", "seconds");
  }

  @Override
  public String run(Flags flags) throws Exception {
    int threads = flags.intValue("threads", 16);
    int seconds = flags.intValue("seconds", 20);
    try (BenchDatabase db = BenchDatabase.start(threads * 2)) {
      seed(db.pool());
      Shop shop = Shop.connect(db.pool(), ShopConfig.of("EUR"));
      try (LocalApiServer api = LocalApiServer.start(shop, ADMIN_TOKEN, 0)) {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        WebConfig config =
            new WebConfig("127.0.0.1", 0, api.baseUri(), null, secret, null, null, Currency.getInstance("EUR"), false);
        ShopApiClient client =
            new ShopApiClient(ShopApiClient.Settings.of(api.baseUri(), TokenProvider.none(), TokenProvider.none()));
        try (WebApp web = WebApp.start(config, client, null)) {
          URI site = URI.create("http://127.0.0.1:" + web.port());
          HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
          String html = get(http, site.resolve("/?size=" + PAGE));
          int rows = count(html, "<tr id=\"p");
          if (rows != PAGE) {
            throw new IllegalStateException("expected " + PAGE + " products on the page, got " + rows);
          }
          Load.Comparison results =
              Load.compare(
                  threads,
                  seconds,
                  2,
                  (thread, i) -> get(http, site.resolve("/?size=" + PAGE + "&page=" + cursor())),
                  (thread, i) -> get(http, api.baseUri().resolve("/products?limit=" + PAGE + "&cursor=" + cursor())));
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("scenario", "web");
          out.put("threads", threads);
          out.put("pageReqPerSec", results.measured().opsPerSec());
          out.put("apiReqPerSec", results.baseline().opsPerSec());
          out.put("ratio", results.ratio());
          out.put("ratioGoal", 0.5);
          out.put("p50Ms", results.measured().latencies().percentileMs(0.50));
          out.put("p99Ms", results.measured().latencies().percentileMs(0.99));
          out.put("htmlBytes", html.getBytes(StandardCharsets.UTF_8).length);
          out.put("htmlBytesGoal", 40 * 1024);
          out.put("inlineImages", html.contains("data:image") || html.contains(";base64,"));
          return Json.line(out);
        }
      }
    }
  }

  private static String get(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static long cursor() {
    return 1 + ThreadLocalRandom.current().nextInt(PRODUCTS - PAGE - 1);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static void seed(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO shop.products (name, category, price, stock)"
              + " SELECT 'Product ' || g, 'Category ' || (g % 20), (g % 500) + 0.99, g % 12"
              + " FROM generate_series(1, " + PRODUCTS + ") g");
      s.execute("VACUUM ANALYZE");
    }
  }
}
