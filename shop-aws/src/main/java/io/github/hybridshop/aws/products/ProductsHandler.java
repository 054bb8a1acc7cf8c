package io.github.hybridshop.aws.products;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.aws.config.LambdaEnvironment;
import io.github.hybridshop.aws.config.ShopSource;
import io.github.hybridshop.aws.http.ApiRequest;
import io.github.hybridshop.aws.http.Dispatcher;
import io.github.hybridshop.aws.http.DispatchingHandler;
import io.github.hybridshop.aws.http.Responses;
import io.github.hybridshop.aws.http.WireValues;
import io.github.hybridshop.aws.observability.EmfLog;
import io.github.hybridshop.aws.observability.InvocationSink;
import io.github.hybridshop.core.ValidationException;
import io.github.hybridshop.core.catalog.ProductQuery;
import java.util.List;

/**
 * Public catalog reads: {@code GET /products?category=&q=&limit=&cursor=} (200
 * {@code {items, nextCursor}}) and {@code GET /products/{id}} (200 product, 404).
 */
public final class ProductsHandler extends DispatchingHandler {

  /** A page of the catalog. */
  public static final String LIST = "GET /products";

  /** One product. */
  public static final String ONE = "GET /products/{id}";

  /** The routes this handler serves, in API Gateway syntax. */
  public static final List<String> ROUTES = List.of(LIST, ONE);

  /** For Lambda: the shop of this execution environment, connected on first request. */
  public ProductsHandler() {
    this(LambdaEnvironment.get()::shop, EmfLog.lambda());
  }

  /**
   * Serves the shop a source gives, such as {@code LambdaEnvironment.get()::shop} or
   * {@code ShopSource.of(shop)}.
   *
   * @param shop where the shop comes from, asked on every request
   */
  public ProductsHandler(ShopSource shop) {
    this(shop, InvocationSink.NONE);
  }

  /**
   * Serves the shop a source gives and reports every invocation.
   *
   * @param shop where the shop comes from, asked on every request
   * @param sink where each invocation is reported, such as {@code EmfLog.lambda()}
   */
  public ProductsHandler(ShopSource shop, InvocationSink sink) {
    super(Dispatcher.builder()
        .reportingTo(sink)
        .on(LIST, request -> list(shop, request))
        .on(ONE, request -> one(shop, request))
        .build());
  }

  private static APIGatewayV2HTTPResponse list(ShopSource shop, ApiRequest request) {
    ProductQuery query =
        ProductQuery.all()
            .inCategory(request.query("category").orElse(null))
            .nameContains(request.query("q").orElse(null))
            .limit(limit(request))
            .after(request.query("cursor").orElse(null));
    return Responses.json(200, JsonCodec.write(WireValues.page(shop.shop().catalog().list(query))));
  }

  private static APIGatewayV2HTTPResponse one(ShopSource shop, ApiRequest request) {
    long id = request.id("id", "Product");
    return Responses.json(200, JsonCodec.write(WireValues.product(shop.shop().catalog().get(id))));
  }

  private static int limit(ApiRequest request) {
    String value = request.query("limit").orElse(null);
    if (value == null || value.isBlank()) {
      return ProductQuery.DEFAULT_LIMIT;
    }
    String digits = value.strip();
    if (digits.length() > 4 || digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      throw ValidationException.of("limit", "must be a whole number between 1 and " + ProductQuery.MAX_LIMIT);
    }
    return Integer.parseInt(digits);
  }
}
