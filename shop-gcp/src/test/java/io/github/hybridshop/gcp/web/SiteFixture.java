package io.github.hybridshop.gcp.web;

import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.gcp.analytics.Warehouse;
import io.github.hybridshop.gcp.api.ShopApiClient;
import io.github.hybridshop.gcp.api.TokenProvider;
import io.github.hybridshop.gcp.web.security.PasswordHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Currency;

/**
 * The whole stack for route and browser tests: a fresh PostgreSQL database, the real API
 * handlers behind {@link LocalApiServer}, the real API client and the site, all on port 0.
 */
final class SiteFixture implements AutoCloseable {
  static final String ADMIN_PASSWORD = "correct horse battery staple";
  static final String ADMIN_API_TOKEN = "test-admin-token-0123456789";
  // Few iterations: the hash format and check are the same, sign-in tests stay fast.
  private static final PasswordHash HASH = PasswordHash.create(ADMIN_PASSWORD.toCharArray(), 10_000);

  final ShopDatabase database;
  final Shop shop;
  final LocalApiServer api;
  final WebApp web;

  SiteFixture(Warehouse warehouse) {
    database = ShopDatabase.create();
    shop = database.shop();
    try {
      api = LocalApiServer.start(shop, ADMIN_API_TOKEN, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    web = WebApp.start(config(api.baseUri()), client(api.baseUri()), warehouse);
  }

  static WebConfig config(URI apiUrl) {
    return new WebConfig(
        "127.0.0.1", 0, apiUrl, null, "test-cookie-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8),
        HASH, ADMIN_API_TOKEN, Currency.getInstance("EUR"), false);
  }

  static ShopApiClient client(URI apiUrl) {
    return new ShopApiClient(
        ShopApiClient.Settings.of(apiUrl, TokenProvider.none(), TokenProvider.fixed(ADMIN_API_TOKEN)));
  }

  URI site() {
    return URI.create("http://127.0.0.1:" + web.port());
  }

  Product product(String name, String category, String price, int stock) {
    return shop.catalog().add(new NewProduct(name, category, new BigDecimal(price), stock));
  }

  int stock(long productId) {
    return shop.catalog().get(productId).stock();
  }

  long orders() {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM shop.orders").mapTo(Long.class).one());
  }

  void reset() {
    database.reset();
  }

  @Override
  public void close() {
    web.stop();
    api.close();
    database.close();
  }
}
