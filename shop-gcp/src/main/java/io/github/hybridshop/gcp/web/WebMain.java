package io.github.hybridshop.gcp.web;

import io.github.hybridshop.gcp.api.GoogleIdTokenProvider;
import io.github.hybridshop.gcp.api.ShopApiClient;
import io.github.hybridshop.gcp.api.TokenProvider;

/**
 * Starts the web site from environment variables (Cloud Run, the Docker image, or by hand):
 * {@code java -jar shop-web.jar}. A missing or malformed setting stops it with one line on
 * standard error naming the variable, and exit status 2.
 */
public final class WebMain {
  private WebMain() {}

  /**
   * Runs the site until the process is stopped.
   *
   * @param args none
   */
  public static void main(String[] args) {
    WebConfig config;
    try {
      config = WebConfig.fromEnv(System.getenv());
    } catch (WebConfig.ConfigException e) {
      System.err.println("shop-web: " + e.getMessage());
      System.exit(2);
      return;
    }
    ShopApiClient api;
    try {
      api = apiClient(config);
    } catch (IllegalStateException e) {
      System.err.println("shop-web: " + e.getMessage());
      System.exit(2);
      return;
    }
    WebApp app = WebApp.start(config, api, null);
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shop-web-shutdown"));
  }

  /**
   * Builds the API client for a configuration: a Google ID token when {@code SHOP_API_AUDIENCE}
   * is set, none otherwise; admin calls use {@code SHOP_ADMIN_API_TOKEN} when set, else the same
   * token as shopper calls.
   *
   * @param config the settings
   * @return the client
   */
  public static ShopApiClient apiClient(WebConfig config) {
    TokenProvider shopper =
        config.apiAudience() == null ? TokenProvider.none() : GoogleIdTokenProvider.forAudience(config.apiAudience());
    TokenProvider admin = config.adminApiToken() == null ? shopper : TokenProvider.fixed(config.adminApiToken());
    return new ShopApiClient(ShopApiClient.Settings.of(config.apiUrl(), shopper, admin));
  }
}
