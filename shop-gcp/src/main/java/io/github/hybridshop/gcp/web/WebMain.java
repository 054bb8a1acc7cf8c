package io.github.hybridshop.gcp.web;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import io.github.hybridshop.gcp.analytics.BigQueryWarehouse;
import io.github.hybridshop.gcp.analytics.Warehouse;
import io.github.hybridshop.gcp.analytics.WarehouseTables;
import io.github.hybridshop.gcp.api.GoogleIdTokenProvider;
import io.github.hybridshop.gcp.api.ShopApiClient;
import io.github.hybridshop.gcp.api.TokenProvider;
import java.time.Clock;
import java.util.Map;

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
    Warehouse warehouse;
    try {
      warehouse = warehouse(System.getenv());
      api = apiClient(config);
    } catch (WebConfig.ConfigException | IllegalStateException e) {
      System.err.println("shop-web: " + e.getMessage());
      System.exit(2);
      return;
    }
    WebApp app = WebApp.start(config, api, warehouse);
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shop-web-shutdown"));
  }

  /**
   * Chooses the analytics warehouse from {@code SHOP_WAREHOUSE}: unset or {@code none} for no
   * dashboard data, {@code bigquery} for the Datastream copy in BigQuery
   * ({@code SHOP_BQ_PROJECT}, {@code SHOP_BQ_DATASET}, {@code SHOP_BQ_LOCATION}, credentials
   * from the service account).
   *
   * @param env the environment
   * @return the warehouse, or {@code null} for none
   * @throws WebConfig.ConfigException naming the missing or malformed variable
   */
  public static Warehouse warehouse(Map<String, String> env) {
    String kind = env.getOrDefault("SHOP_WAREHOUSE", "none").strip();
    switch (kind) {
      case "", "none":
        return null;
      case "bigquery":
        String project = setting(env, "SHOP_BQ_PROJECT", "the Google Cloud project of the BigQuery dataset");
        String dataset = setting(env, "SHOP_BQ_DATASET", "the dataset Datastream writes, such as shop_analytics");
        String location = setting(env, "SHOP_BQ_LOCATION", "the dataset's location, such as EU");
        WarehouseTables tables;
        try {
          tables = WarehouseTables.bigQuery(project, dataset);
        } catch (IllegalArgumentException e) {
          throw new WebConfig.ConfigException("SHOP_BQ_PROJECT/SHOP_BQ_DATASET: " + e.getMessage());
        }
        BigQuery bigQuery = BigQueryOptions.newBuilder().setProjectId(project).setLocation(location).build().getService();
        return new BigQueryWarehouse(bigQuery, tables, location, Clock.systemUTC());
      default:
        throw new WebConfig.ConfigException(
            "SHOP_WAREHOUSE '" + kind + "' is unknown: use bigquery, or none (the DuckDB warehouse runs inside shop-local.jar)");
    }
  }

  private static String setting(Map<String, String> env, String name, String meaning) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new WebConfig.ConfigException(name + " is required when SHOP_WAREHOUSE=bigquery: set it to " + meaning);
    }
    return value.strip();
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
