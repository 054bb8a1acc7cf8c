package io.github.hybridshop.aws.orders;

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
import io.github.hybridshop.aws.observability.Sale;
import io.github.hybridshop.core.checkout.Order;
import io.github.hybridshop.core.checkout.OrderItem;
import io.github.hybridshop.core.checkout.OrderRequest;
import io.github.hybridshop.core.checkout.Purchase;
import java.util.List;
import java.util.Map;

/**
 * Purchases: {@code POST /orders} with {@code {items: [{productId, quantity}]}} and an
 * {@code Idempotency-Key} header (201 order; 400, 404, 409 {@code insufficient-stock} with
 * {@code shortages}, 422 when the key was used for another cart), and {@code GET /orders/{id}}.
 * A replay of the same key and cart answers 201 with the first order, whoever asks.
 */
public final class OrdersHandler extends DispatchingHandler {

  /** Buy a cart. */
  public static final String BUY = "POST /orders";

  /** One order. */
  public static final String ONE = "GET /orders/{id}";

  /** The routes this handler serves, in API Gateway syntax. */
  public static final List<String> ROUTES = List.of(BUY, ONE);

  /** For Lambda: the shop of this execution environment, connected on first request. */
  public OrdersHandler() {
    this(LambdaEnvironment.get()::shop, EmfLog.lambda());
  }

  /**
   * Serves the shop a source gives, such as {@code LambdaEnvironment.get()::shop} or
   * {@code ShopSource.of(shop)}.
   *
   * @param shop where the shop comes from, asked on every request
   */
  public OrdersHandler(ShopSource shop) {
    this(shop, InvocationSink.NONE);
  }

  /**
   * Serves the shop a source gives and reports every invocation.
   *
   * @param shop where the shop comes from, asked on every request
   * @param sink where each invocation is reported, such as {@code EmfLog.lambda()}
   */
  public OrdersHandler(ShopSource shop, InvocationSink sink) {
    super(Dispatcher.builder()
        .reportingTo(sink)
        .on(BUY, request -> buy(shop, request))
        .on(ONE, request -> one(shop, request))
        .build());
  }

  private static APIGatewayV2HTTPResponse buy(ShopSource shop, ApiRequest request) {
    List<OrderItem> items = JsonCodec.readOrderRequest(request.jsonBody()).items().stream()
        .map(item -> new OrderItem(item.productId(), item.quantity()))
        .toList();
    OrderRequest cart = new OrderRequest(items);
    String key = request.header("idempotency-key").orElse(null);
    Purchase purchase = shop.shop().checkout().purchase(key, cart);
    Order order = purchase.order();
    request.recordSale(new Sale(order.id(), purchase.units(), purchase.replayed()));
    return Responses.json(201, JsonCodec.write(WireValues.order(order)), Map.of("Location", "/orders/" + order.id()));
  }

  private static APIGatewayV2HTTPResponse one(ShopSource shop, ApiRequest request) {
    long id = request.id("id", "Order");
    return Responses.json(200, JsonCodec.write(WireValues.order(shop.shop().checkout().get(id))));
  }
}
