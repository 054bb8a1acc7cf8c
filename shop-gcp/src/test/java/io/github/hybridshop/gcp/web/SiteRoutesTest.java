package io.github.hybridshop.gcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hybridshop.core.catalog.Product;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The site over real HTTP on port 0, with the real API client talking to the real API handlers
 * (LocalApiServer) on real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteRoutesTest {
  private final SiteFixture fixture = new SiteFixture(new FixedWarehouse());
  private final ObjectMapper json = new ObjectMapper();
  private SiteClient client;

  @BeforeEach
  void reset() {
    fixture.reset();
    client = new SiteClient(fixture.site());
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @Test
  void catalogListsProductsWithBadgesAndLocalisedPrices() {
    fixture.product("Green tea", "Tea", "12.50", 40);
    fixture.product("Rare oolong", "Tea", "1234.00", 3);
    fixture.product("Gone coffee", "Coffee", "9.99", 0);

    HttpResponse<String> english = client.get("/");
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.body())
        .contains("Green tea", "€12.50", "€1,234.00", "In stock", "Low stock", "Sold out")
        .contains("<html lang=\"en\">");
    assertThat(english.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));

    HttpResponse<String> spanish = client.get("/", "Accept-Language", "es-ES,es;q=0.9,en;q=0.5");
    assertThat(spanish.body()).contains("<html lang=\"es\">", "12,50\u00a0€", "Añadir al carrito", "Agotado");
  }

  @Test
  void languageChoiceIsRememberedInACookie() {
    fixture.product("Green tea", "Tea", "12.50", 40);
    assertThat(client.get("/?lang=es").body()).contains("Catálogo");
    assertThat(client.get("/cart").body()).contains("Tu carrito");
    assertThat(client.get("/?lang=en").body()).contains("Catalog");
  }

  @Test
  void searchFilterAndPagingUseTheApi() {
    for (int i = 1; i <= 25; i++) {
      fixture.product("Tea " + i, i % 2 == 0 ? "Even" : "Odd", "1.00", 10);
    }
    String first = client.get("/").body();
    assertThat(first).contains("Tea 1<", "Tea 20<").doesNotContain("Tea 21<");
    String next = first.replaceAll("(?s).*rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
    assertThat(client.get(next).body()).contains("Tea 21<", "Tea 25<", "First page").doesNotContain("Tea 20<");

    assertThat(client.get("/?q=tea+1").body()).contains("Tea 1<", "Tea 12<").doesNotContain("Tea 2<");
    assertThat(client.get("/?category=Even").body()).contains("Tea 2<").doesNotContain("Tea 3<");
  }

  @Test
  void productNamesAreEscaped() {
    fixture.product("<img src=x onerror=alert(1)>", "<script>", "1.00", 5);
    String html = client.get("/").body();
    assertThat(html).doesNotContain("<img src=x").doesNotContain("<script>")
        .contains("&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void postWithoutValidCsrfTokenIsForbidden() {
    Product tea = fixture.product("Green tea", "Tea", "12.50", 40);
    client.get("/");
    HttpResponse<String> missing = client.post("/cart/items", Map.of("productId", Long.toString(tea.id())));
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.body()).contains("Form expired");
    HttpResponse<String> forged = client.post("/cart/items", Map.of("_csrf", "forged", "productId", Long.toString(tea.id())));
    assertThat(forged.statusCode()).isEqualTo(403);

    SiteClient other = new SiteClient(fixture.site());
    String otherToken = SiteClient.field(other.get("/").body(), "_csrf");
    assertThat(client.post("/cart/items", Map.of("_csrf", otherToken, "productId", Long.toString(tea.id()))).statusCode())
        .as("a token only counts with its own cookie").isEqualTo(403);
    assertThat(client.get("/cart").body()).contains("Your cart is empty");
  }

  @Test
  void shopperBuysAndStockDropsByWhatWasBought() {
    Product tea = fixture.product("Green tea", "Tea", "12.50", 40);
    Product cup = fixture.product("Cup", "Ware", "4.25", 10);
    String catalog = client.get("/").body();
    HttpResponse<String> added = client.submit("/cart/items", catalog, "productId", Long.toString(tea.id()), "quantity", "2");
    assertThat(added.statusCode()).isEqualTo(303);
    assertThat(added.headers().firstValue("Location")).hasValue("/?added=" + tea.id());
    client.submit("/cart/items", catalog, "productId", Long.toString(cup.id()), "quantity", "1");

    String cart = client.get("/cart").body();
    assertThat(cart).contains("Green tea", "Cup", "€29.25");
    assertThat(client.submit("/cart", cart, "qty_" + tea.id(), "3", "qty_" + cup.id(), "2").statusCode()).isEqualTo(303);
    cart = client.get("/cart").body();
    assertThat(cart).contains("€46.00");

    HttpResponse<String> placed = client.submit("/checkout", cart, "ticket", SiteClient.field(cart, "ticket"));
    assertThat(placed.statusCode()).isEqualTo(303);
    String receiptPath = placed.headers().firstValue("Location").orElseThrow();
    String receipt = client.get(receiptPath).body();
    assertThat(receipt).contains("Thank you", "Green tea", "€46.00");
    assertThat(new SiteClient(fixture.site()).get(receiptPath).statusCode())
        .as("another browser cannot read the receipt").isEqualTo(404);
    assertThat(fixture.stock(tea.id())).isEqualTo(37);
    assertThat(fixture.stock(cup.id())).isEqualTo(8);
    assertThat(client.get("/cart").body()).contains("Your cart is empty");
  }

  @Test
  void submittingTheSameCheckoutFormTwiceAtOnceBuysOnce() throws Exception {
    Product tea = fixture.product("Green tea", "Tea", "12.50", 40);
    client.submit("/cart/items", client.get("/").body(), "productId", Long.toString(tea.id()), "quantity", "2");
    String cart = client.get("/cart").body();
    String ticket = SiteClient.field(cart, "ticket");
    List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      posts.add(CompletableFuture.supplyAsync(() -> client.submit("/checkout", cart, "ticket", ticket)));
    }
    List<String> locations = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> post : posts) {
      HttpResponse<String> response = post.get();
      assertThat(response.statusCode()).isEqualTo(303);
      locations.add(response.headers().firstValue("Location").orElseThrow());
    }
    assertThat(locations).containsOnly(locations.get(0));
    assertThat(fixture.orders()).isEqualTo(1);
    assertThat(fixture.stock(tea.id())).isEqualTo(38);
    HttpResponse<String> reload = client.submit("/checkout", cart, "ticket", ticket);
    assertThat(reload.headers().firstValue("Location")).hasValue(locations.get(0));
    assertThat(fixture.orders()).isEqualTo(1);
  }

  @Test
  void shortStockKeepsTheCartAndSaysByHowMuch() {
    Product tea = fixture.product("Green tea", "Tea", "12.50", 5);
    client.submit("/cart/items", client.get("/").body(), "productId", Long.toString(tea.id()), "quantity", "5");
    String cart = client.get("/cart").body();
    fixture.shop.checkout().buy("someone-else", io.github.hybridshop.core.checkout.OrderRequest.of(
        new io.github.hybridshop.core.checkout.OrderItem(tea.id(), 3)));

    HttpResponse<String> refused = client.submit("/checkout", cart, "ticket", SiteClient.field(cart, "ticket"));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("Only 2 left: short by 3", "Nothing was charged");
    assertThat(client.get("/cart").body()).contains("Green tea", "value=\"5\"");
    assertThat(fixture.stock(tea.id())).isEqualTo(2);

    assertThat(refused.body()).contains("Change to 2");
    assertThat(client.submit("/cart", refused.body(), "set", tea.id() + ":2").statusCode()).isEqualTo(303);
    String adjusted = client.get("/cart").body();
    HttpResponse<String> placed = client.submit("/checkout", adjusted, "ticket", SiteClient.field(adjusted, "ticket"));
    assertThat(placed.statusCode()).isEqualTo(303);
    assertThat(fixture.stock(tea.id())).isZero();
  }

  @Test
  void soldOutProductsCannotBeAdded() {
    Product gone = fixture.product("Gone", "Tea", "1.00", 0);
    String catalog = client.get("/").body();
    assertThat(catalog).containsPattern("name=\"quantity\"[^>]*disabled");
    HttpResponse<String> refused = client.submit("/cart/items", catalog, "productId", Long.toString(gone.id()));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(client.get("/cart").body()).contains("Your cart is empty");
  }

  @Test
  void adminPagesRedirectToSignInWhenSignedOut() {
    for (String path : List.of("/admin", "/admin/products", "/analytics", "/analytics/api/freshness")) {
      HttpResponse<String> response = client.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(303);
      assertThat(response.headers().firstValue("Location")).as(path).hasValue("/admin/signin");
    }
    String page = client.get("/admin/signin").body();
    HttpResponse<String> post = client.submit("/admin/products", page, "name", "X", "category", "Y", "price", "1", "stock", "1");
    assertThat(post.statusCode()).isEqualTo(303);
    assertThat(post.headers().firstValue("Location")).hasValue("/admin/signin");
    assertThat(fixture.shop.catalog().list(io.github.hybridshop.core.catalog.ProductQuery.all()).items()).isEmpty();
  }

  @Test
  void adminSignsInAddsAndRestocks() {
    signIn();
    String page = client.get("/admin/products").body();
    HttpResponse<String> bad = client.submit("/admin/products", page, "name", "", "category", "Tea", "price", "12.345", "stock", "-1");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Required.", "At most 2 decimal places.", "Must not be negative.")
        .contains("value=\"Tea\"", "value=\"12.345\"");

    HttpResponse<String> added = client.submit("/admin/products", page, "name", "Sencha", "category", "Tea", "price", "7.10", "stock", "3");
    assertThat(added.statusCode()).isEqualTo(303);
    Product sencha = fixture.shop.catalog().list(io.github.hybridshop.core.catalog.ProductQuery.all()).items().get(0);
    assertThat(sencha.name()).isEqualTo("Sencha");

    HttpResponse<String> restocked = client.submit("/admin/products/" + sencha.id() + "/restock", page, "quantity", "7");
    assertThat(restocked.statusCode()).isEqualTo(303);
    assertThat(fixture.stock(sencha.id())).isEqualTo(10);

    HttpResponse<String> duplicate = client.submit("/admin/products", page, "name", "Sencha", "category", "Tea", "price", "7.10", "stock", "3");
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(duplicate.body()).contains("already exists");
  }

  @Test
  void wrongPasswordsAreThrottled() {
    String page = client.get("/admin/signin").body();
    for (int i = 0; i < 3; i++) {
      assertThat(client.submit("/admin/signin", page, "password", "guess" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> throttled = client.submit("/admin/signin", page, "password", SiteFixture.ADMIN_PASSWORD);
    assertThat(throttled.statusCode()).as("even the right password waits").isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void dashboardRendersChartsAndReportsAsJson() throws Exception {
    signIn();
    String html = client.get("/analytics").body();
    assertThat(html).contains("<svg class=\"chart\" id=\"inventory-chart\"", "<polyline", "Matcha", "13 s behind")
        .contains("&lt;b&gt;Coffee&lt;/b&gt;").doesNotContain("<b>Coffee</b>");

    JsonNode freshness = json.readTree(client.get("/analytics/api/freshness").body());
    assertThat(freshness.get("lagSeconds").asDouble()).isEqualTo(12.5);
    assertThat(freshness.get("lastSourceTimestamp").asText()).isEqualTo("2026-12-01T06:00:00Z");
    JsonNode inventory = json.readTree(client.get("/analytics/api/inventory-by-category").body());
    assertThat(inventory.get(0).get("category").asText()).isEqualTo("Tea");
    assertThat(inventory.get(0).get("units").asLong()).isEqualTo(120);
    JsonNode sales = json.readTree(client.get("/analytics/api/sales-by-day").body());
    assertThat(sales.get(1).get("day").asText()).isEqualTo(FixedWarehouse.TODAY.toString());
    assertThat(json.readTree(client.get("/analytics/api/top-products").body()).get(0).get("units").asLong()).isEqualTo(6);
    assertThat(json.readTree(client.get("/analytics/api/low-stock").body()).get(0).get("stock").asInt()).isEqualTo(2);
    JsonNode history = json.readTree(client.get("/analytics/api/stock-history?productId=7").body());
    assertThat(history.get(1).get("stockAfter").asLong()).isEqualTo(8);
    assertThat(client.get("/analytics/api/stock-history?productId=x").statusCode()).isEqualTo(400);
    assertThat(client.get("/analytics/api/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void withoutWarehouseTheDashboardSaysSo() {
    WebConfig localConfig = WebConfig.local(0, fixture.api.baseUri(), null, SiteFixture.ADMIN_API_TOKEN, java.util.Currency.getInstance("EUR"));
    try (WebApp open = WebApp.start(localConfig, SiteFixture.client(fixture.api.baseUri()), null)) {
      SiteClient local = new SiteClient(URI.create("http://127.0.0.1:" + open.port()));
      assertThat(local.get("/analytics").body()).contains("No warehouse configured");
      HttpResponse<String> report = local.get("/analytics/api/freshness");
      assertThat(report.statusCode()).isEqualTo(503);
      assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }
  }

  @Test
  void aFailingWarehouseGives503NotAStackTrace() {
    FixedWarehouse broken = new FixedWarehouse() {
      @Override
      public Freshness freshness() {
        throw new IllegalStateException("BigQuery is down");
      }
    };
    WebConfig localConfig = WebConfig.local(0, fixture.api.baseUri(), null, SiteFixture.ADMIN_API_TOKEN, java.util.Currency.getInstance("EUR"));
    try (WebApp open = WebApp.start(localConfig, SiteFixture.client(fixture.api.baseUri()), broken)) {
      SiteClient local = new SiteClient(URI.create("http://127.0.0.1:" + open.port()));
      HttpResponse<String> page = local.get("/analytics");
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.body()).contains("Analytics temporarily unavailable").doesNotContain("BigQuery is down");
      assertThat(local.get("/analytics/api/freshness").statusCode()).isEqualTo(503);
      assertThat(local.get("/analytics/api/low-stock").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void apiDownShowsAFriendlyPageWith503() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
    try (WebApp down = WebApp.start(SiteFixture.config(nowhere), SiteFixture.client(nowhere), null)) {
      HttpResponse<String> response = new SiteClient(URI.create("http://127.0.0.1:" + down.port())).get("/");
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("Shop temporarily unavailable").doesNotContain("Exception", "at io.");
    }
  }

  @Test
  void healthzAndAssets() {
    assertThat(client.get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(client.get("/static/site.css").statusCode()).isEqualTo(200);
    assertThat(client.get("/static/favicon.svg").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    assertThat(client.get("/favicon.ico").statusCode()).isEqualTo(301);
    HttpResponse<String> missing = client.get("/no/such/page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Not found");
    assertThat(client.get("/orders/999999").statusCode()).isEqualTo(404);
  }

  @Test
  void logsOneLinePerRequestWithoutQueryOrCookies() {
    ch.qos.logback.classic.Logger access =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.github.hybridshop.gcp.web.access");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    access.addAppender(lines);
    try {
      client.get("/healthz?token=top-secret", "Cookie", "session=also-secret");
      client.get("/no-such-page");
    } finally {
      access.detachAppender(lines);
    }
    assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            line -> assertThat(line).contains("\"method\":\"GET\"", "\"path\":\"/healthz\"", "\"status\":200", "\"durationMs\":")
                .doesNotContain("top-secret", "also-secret"),
            line -> assertThat(line).contains("\"path\":\"/no-such-page\"", "\"status\":404"));
  }

  @Test
  void cookiesAreSignedHttpOnlyAndSameSite() {
    fixture.product("Green tea", "Tea", "12.50", 40);
    HttpResponse<String> first = client.get("/");
    List<String> cookies = first.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("csrf=").contains("HttpOnly", "SameSite=Lax"))
        .noneSatisfy(c -> assertThat(c).contains("Secure"));
    HttpResponse<String> https = client.get("/", "X-Forwarded-Proto", "https", "Cookie", "x=y");
    assertThat(https.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).contains("Secure"));
  }

  private void signIn() {
    String page = client.get("/admin/signin").body();
    HttpResponse<String> response = client.submit("/admin/signin", page, "password", SiteFixture.ADMIN_PASSWORD);
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("session=").contains("SameSite=Strict", "HttpOnly"));
  }
}
