package io.github.hybridshop.gcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.catalog.ProductPage;
import io.github.hybridshop.core.checkout.Order;
import io.github.hybridshop.core.checkout.OrderItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Typed client of the shop HTTP API (routes and JSON in DESIGN.md).
 *
 * <p>Only calls that are safe to repeat are retried: every GET, and {@code POST /orders}, which
 * carries an {@code Idempotency-Key} so a repeat returns the first order. Errors arrive as
 * {@link ApiException} subtypes; an unreachable or failing API is {@link ApiException.Unavailable}.
 * Thread-safe; share one instance.
 */
public final class ShopApiClient {

  /**
   * How the client talks to the API.
   *
   * @param baseUrl the API's base URL, such as {@code http://127.0.0.1:9000}
   * @param shopperToken token for anonymous shopper calls ({@link TokenProvider#none()} locally,
   *     {@link GoogleIdTokenProvider} on Cloud Run)
   * @param adminToken token for admin calls
   * @param connectTimeout TCP connect timeout
   * @param requestTimeout timeout of one attempt, answer included
   * @param attempts tries for a retryable call, at least 1
   */
  public record Settings(
      URI baseUrl,
      TokenProvider shopperToken,
      TokenProvider adminToken,
      Duration connectTimeout,
      Duration requestTimeout,
      int attempts) {
    /**
     * Checks the settings.
     *
     * @param baseUrl see the record description
     * @param shopperToken see the record description
     * @param adminToken see the record description
     * @param connectTimeout see the record description
     * @param requestTimeout see the record description
     * @param attempts see the record description
     */
    public Settings {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(shopperToken, "shopperToken");
      Objects.requireNonNull(adminToken, "adminToken");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1");
      }
      String url = baseUrl.toString();
      baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /**
     * Defaults for a base URL: 2 s connect, 10 s per attempt, 3 attempts.
     *
     * @param baseUrl the API's base URL
     * @param shopperToken token for shopper calls
     * @param adminToken token for admin calls
     * @return the settings
     */
    public static Settings of(URI baseUrl, TokenProvider shopperToken, TokenProvider adminToken) {
      return new Settings(baseUrl, shopperToken, adminToken, Duration.ofSeconds(2), Duration.ofSeconds(10), 3);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  private final Settings settings;
  private final HttpClient http;

  /**
   * Creates a client.
   *
   * @param settings where and how to call
   */
  public ShopApiClient(Settings settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * Lists products, {@code GET /products}.
   *
   * @param category exact category, or {@code null}
   * @param query name search, or {@code null}
   * @param limit page size
   * @param cursor the previous page's {@code nextCursor}, or {@code null}
   * @return the page
   */
  public ProductPage products(String category, String query, int limit, String cursor) {
    StringJoiner params = new StringJoiner("&", "?", "");
    addParam(params, "category", category);
    addParam(params, "q", query);
    addParam(params, "limit", Integer.toString(limit));
    addParam(params, "cursor", cursor);
    return ApiJson.page(get("/products" + params, settings.shopperToken()));
  }

  /**
   * Reads one product, {@code GET /products/{id}}.
   *
   * @param id the product id
   * @return the product
   */
  public Product product(long id) {
    return ApiJson.product(get("/products/" + id, settings.shopperToken()));
  }

  /**
   * Adds a product, {@code POST /products} (admin).
   *
   * @param product the validated product
   * @return the created product
   */
  public Product addProduct(NewProduct product) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", product.name());
    body.put("category", product.category());
    body.put("price", product.price().toPlainString());
    body.put("stock", product.stock());
    return ApiJson.product(send(post("/products", body, settings.adminToken()), false));
  }

  /**
   * Adds units, {@code POST /products/{id}/restock} (admin).
   *
   * @param id the product id
   * @param quantity units to add
   * @return the product after the restock
   */
  public Product restock(long id, int quantity) {
    ObjectNode body = JSON.createObjectNode();
    body.put("quantity", quantity);
    return ApiJson.product(send(post("/products/" + id + "/restock", body, settings.adminToken()), false));
  }

  /**
   * Places an order, {@code POST /orders}. Repeating the call with the same key and items returns
   * the first order, which is what makes retries and double submits safe.
   *
   * @param idempotencyKey the key minted when the checkout form was shown
   * @param items what to buy
   * @return the order
   */
  public Order placeOrder(String idempotencyKey, List<OrderItem> items) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode array = body.putArray("items");
    for (OrderItem item : items) {
      array.addObject().put("productId", item.productId()).put("quantity", item.quantity());
    }
    HttpRequest.Builder request =
        post("/orders", body, settings.shopperToken()).header("Idempotency-Key", idempotencyKey);
    return ApiJson.order(send(request, true));
  }

  /**
   * Reads an order, {@code GET /orders/{id}}.
   *
   * @param id the order id
   * @return the order
   */
  public Order order(long id) {
    return ApiJson.order(get("/orders/" + id, settings.shopperToken()));
  }

  /**
   * Asks {@code GET /health}.
   *
   * @return {@code true} when the API and its database answer
   */
  public boolean healthy() {
    try {
      return "ok".equalsIgnoreCase(get("/health", settings.shopperToken()).path("status").asText());
    } catch (ApiException e) {
      return false;
    }
  }

  private JsonNode get(String pathAndQuery, TokenProvider token) {
    return send(request(pathAndQuery, token).GET(), true);
  }

  private HttpRequest.Builder post(String path, JsonNode body, TokenProvider token) {
    return request(path, token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String pathAndQuery, TokenProvider token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery))
            .timeout(settings.requestTimeout())
            .header("Accept", "application/json, application/problem+json");
    try {
      token.token().ifPresent(value -> builder.header("Authorization", "Bearer " + value));
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new ApiException.Unavailable(503, "could not obtain a token for the shop API", e);
    }
    return builder;
  }

  private JsonNode send(HttpRequest.Builder builder, boolean retryable) {
    HttpRequest request = builder.build();
    int attempts = retryable ? settings.attempts() : 1;
    Duration backoff = FIRST_BACKOFF;
    ApiException.Unavailable last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        pause(backoff);
        backoff = backoff.multipliedBy(2);
      }
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        last = new ApiException.Unavailable(503, "shop API unreachable: " + e.getClass().getSimpleName(), e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiException.Unavailable(503, "interrupted while calling the shop API", e);
      }
      int status = response.statusCode();
      if (status >= 500) {
        last = new ApiException.Unavailable(status, "shop API answered " + status, null);
        continue;
      }
      JsonNode body = parse(response.body(), status);
      if (status >= 200 && status < 300) {
        return body;
      }
      throw problem(status, body);
    }
    throw last;
  }

  private static JsonNode parse(String body, int status) {
    try {
      return body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      throw new ApiException.Unexpected(status, "shop API sent a body that is not JSON");
    }
  }

  private static ApiException problem(int status, JsonNode body) {
    String detail = body.path("detail").asText(body.path("title").asText("HTTP " + status));
    String type = body.path("type").asText("");
    return switch (status) {
      case 400 -> new ApiException.Invalid(detail, ApiJson.fieldErrors(body));
      case 401, 403 -> new ApiException.Unauthorized(status, detail);
      case 404 -> new ApiException.NotFound(detail);
      case 409 ->
          type.endsWith("insufficient-stock") || body.has("shortages")
              ? new ApiException.OutOfStock(detail, ApiJson.shortages(body))
              : new ApiException.Conflict(detail);
      case 422 -> new ApiException.KeyReused(detail);
      default -> new ApiException.Unexpected(status, detail);
    };
  }

  private static void addParam(StringJoiner params, String name, String value) {
    if (value != null && !value.isBlank()) {
      params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException.Unavailable(503, "interrupted while retrying the shop API", e);
    }
  }
}
