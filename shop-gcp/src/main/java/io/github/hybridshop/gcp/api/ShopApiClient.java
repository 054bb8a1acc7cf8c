package io.github.hybridshop.gcp.api;

import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.api.NewProductRequest;
import io.github.hybridshop.api.Order;
import io.github.hybridshop.api.OrderRequest;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemException;
import io.github.hybridshop.api.Product;
import io.github.hybridshop.api.ProductPage;
import io.github.hybridshop.api.RestockRequest;
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
import java.util.function.Function;

/**
 * Typed client of the shop HTTP API: shop-api's wire records, written and read by its
 * {@code JsonCodec}, the same code the Lambda handlers answer with.
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
    return read(get("/products" + params, settings.shopperToken()), JsonCodec::readProductPage);
  }

  /**
   * Reads one product, {@code GET /products/{id}}.
   *
   * @param id the product id
   * @return the product
   */
  public Product product(long id) {
    return read(get("/products/" + id, settings.shopperToken()), JsonCodec::readProduct);
  }

  /**
   * Adds a product, {@code POST /products} (admin).
   *
   * @param product the product, checked by the site's form
   * @return the created product
   */
  public Product addProduct(NewProductRequest product) {
    return read(send(post("/products", JsonCodec.write(product), settings.adminToken()), false), JsonCodec::readProduct);
  }

  /**
   * Adds units, {@code POST /products/{id}/restock} (admin).
   *
   * @param id the product id
   * @param quantity units to add
   * @return the product after the restock
   */
  public Product restock(long id, int quantity) {
    String body = JsonCodec.write(new RestockRequest(quantity));
    return read(send(post("/products/" + id + "/restock", body, settings.adminToken()), false), JsonCodec::readProduct);
  }

  /**
   * Places an order, {@code POST /orders}. Repeating the call with the same key and items returns
   * the first order, which is what makes retries and double submits safe.
   *
   * @param idempotencyKey the key minted when the checkout form was shown
   * @param items what to buy
   * @return the order
   */
  public Order placeOrder(String idempotencyKey, List<OrderRequest.Item> items) {
    HttpRequest.Builder request =
        post("/orders", JsonCodec.write(new OrderRequest(items)), settings.shopperToken())
            .header("Idempotency-Key", idempotencyKey);
    return read(send(request, true), JsonCodec::readOrder);
  }

  /**
   * Reads an order, {@code GET /orders/{id}}.
   *
   * @param id the order id
   * @return the order
   */
  public Order order(long id) {
    return read(get("/orders/" + id, settings.shopperToken()), JsonCodec::readOrder);
  }

  /**
   * Asks {@code GET /health}.
   *
   * @return {@code true} when the API and its database answer
   */
  public boolean healthy() {
    try {
      return read(get("/health", settings.shopperToken()), JsonCodec::readHealth).ok();
    } catch (ApiException e) {
      return false;
    }
  }

  private HttpResponse<byte[]> get(String pathAndQuery, TokenProvider token) {
    return send(request(pathAndQuery, token).GET(), true);
  }

  private HttpRequest.Builder post(String path, String body, TokenProvider token) {
    return request(path, token)
        .header("Content-Type", JsonCodec.MEDIA_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String pathAndQuery, TokenProvider token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery))
            .timeout(settings.requestTimeout())
            .header("Accept", JsonCodec.MEDIA_TYPE + ", " + JsonCodec.PROBLEM_MEDIA_TYPE);
    try {
      token.token().ifPresent(value -> builder.header("Authorization", "Bearer " + value));
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new ApiException.Unavailable(503, "could not obtain a token for the shop API", e);
    }
    return builder;
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder builder, boolean retryable) {
    HttpRequest request = builder.build();
    int attempts = retryable ? settings.attempts() : 1;
    Duration backoff = FIRST_BACKOFF;
    ApiException.Unavailable last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        pause(backoff);
        backoff = backoff.multipliedBy(2);
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
      if (status >= 200 && status < 300) {
        return response;
      }
      throw problem(status, response.body());
    }
    throw last;
  }

  /** Reads a success body, which must be what the contract says for the call. */
  private static <T> T read(HttpResponse<byte[]> response, Function<byte[], T> reader) {
    try {
      return reader.apply(response.body());
    } catch (ProblemException e) {
      throw new ApiException.Unexpected(
          response.statusCode(), "shop API answered outside the contract: " + e.problem().detail());
    }
  }

  /** Maps every problem type of the contract; a type-less one goes by its status, an unknown one is unexpected. */
  static ApiException problem(int status, byte[] body) {
    Problem problem;
    try {
      problem = JsonCodec.readProblem(status, body);
    } catch (ProblemException e) {
      return new ApiException.Unexpected(status, "shop API sent a refusal that is not a JSON object");
    }
    String detail = problem.detail();
    return switch (problem.kind()) {
      case VALIDATION -> new ApiException.Invalid(detail, problem.errors());
      case UNAUTHORIZED -> new ApiException.Unauthorized(status, detail);
      case NOT_FOUND -> new ApiException.NotFound(detail);
      case DUPLICATE_PRODUCT -> new ApiException.Conflict(detail);
      case INSUFFICIENT_STOCK -> new ApiException.OutOfStock(detail, problem.shortages());
      case IDEMPOTENCY_KEY_REUSED -> new ApiException.KeyReused(detail);
      case INTERNAL_ERROR, DATABASE_UNAVAILABLE, NOT_READY, WAREHOUSE_UNAVAILABLE -> new ApiException.Unavailable(status, detail, null);
      // Requests this client never sends: a bug here, not something to show a visitor.
      case MALFORMED_JSON, MALFORMED_REQUEST, METHOD_NOT_ALLOWED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE ->
          new ApiException.Unexpected(status, problem.type() + ": " + detail);
      // No type means about:blank (RFC 9457): only the status carries meaning. API Gateway's JWT
      // authorizer answers 401/403 {"message":"Unauthorized"} like that.
      case ABOUT_BLANK -> switch (status) {
        case 401, 403 -> new ApiException.Unauthorized(status, detail);
        case 404 -> new ApiException.NotFound(detail);
        default -> new ApiException.Unexpected(status, detail);
      };
      // A type the contract does not name: its meaning is unknown, whatever the status.
      case OTHER -> new ApiException.Unexpected(status, problem.type() + ": " + detail);
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
