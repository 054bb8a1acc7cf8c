package io.github.hybridshop.aws.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.api.NewProductRequest;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemException;
import io.github.hybridshop.api.ProblemType;
import io.github.hybridshop.aws.config.LambdaEnvironment;
import io.github.hybridshop.aws.config.ShopSource;
import io.github.hybridshop.aws.http.ApiRequest;
import io.github.hybridshop.aws.http.Dispatcher;
import io.github.hybridshop.aws.http.DispatchingHandler;
import io.github.hybridshop.aws.http.Responses;
import io.github.hybridshop.aws.http.WireValues;
import io.github.hybridshop.aws.observability.EmfLog;
import io.github.hybridshop.aws.observability.InvocationSink;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Admin writes: {@code POST /products} {@code {name, category, price, stock}} (201 product with
 * {@code Location}; 400, 401, 409 {@code duplicate-product}) and
 * {@code POST /products/{id}/restock} {@code {quantity}} (200 product; 400, 401, 404). Every
 * call is checked against {@link AdminAccess} before its body is read; a refused call gets 401
 * with {@code WWW-Authenticate: Bearer}.
 */
public final class AdminHandler extends DispatchingHandler {

  /** Add a product. */
  public static final String ADD = "POST /products";

  /** Add units to a product. */
  public static final String RESTOCK = "POST /products/{id}/restock";

  /** The routes this handler serves, in API Gateway syntax. */
  public static final List<String> ROUTES = List.of(ADD, RESTOCK);

  /**
   * For Lambda: the execution environment's shop, admin access from
   * {@code SHOP_ADMIN_JWT_SUBJECTS}, {@code SHOP_ADMIN_TOKEN_SECRET_ARN} or {@code SHOP_ADMIN_TOKEN}.
   */
  public AdminHandler() {
    this(
        LambdaEnvironment.get()::shop,
        AdminAccess.fromEnvironment(LambdaEnvironment.get().env(), LambdaEnvironment.get().secrets()),
        EmfLog.lambda());
  }

  /**
   * Serves the shop a source gives, such as {@code LambdaEnvironment.get()::shop} or
   * {@code ShopSource.of(shop)}.
   *
   * @param shop where the shop comes from, asked on every request
   * @param access who counts as admin
   */
  public AdminHandler(ShopSource shop, AdminAccess access) {
    this(shop, access, InvocationSink.NONE);
  }

  /**
   * Serves admin routes on the shop a source gives, and reports every invocation.
   *
   * @param shop where the shop comes from, asked on every request
   * @param access who may call the admin routes
   * @param sink where each invocation is reported, such as {@code EmfLog.lambda()}
   */
  public AdminHandler(ShopSource shop, AdminAccess access, InvocationSink sink) {
    super(routes(shop, Objects.requireNonNull(access, "access"), sink));
  }

  private static Dispatcher routes(ShopSource shop, AdminAccess access, InvocationSink sink) {
    return Dispatcher.builder()
        .reportingTo(sink)
        .on(ADD, request -> add(shop, admin(access, request)))
        .on(RESTOCK, request -> restock(shop, admin(access, request)))
        .build();
  }

  private static ApiRequest admin(AdminAccess access, ApiRequest request) {
    if (!access.admits(request)) {
      throw new ProblemException(Problem.of(ProblemType.UNAUTHORIZED,
          "This route needs an admin: send Authorization: Bearer <admin token>"));
    }
    return request;
  }

  private static APIGatewayV2HTTPResponse add(ShopSource shop, ApiRequest request) {
    NewProductRequest body = JsonCodec.readNewProductRequest(request.jsonBody());
    Product product =
        shop.shop().catalog().add(new NewProduct(body.name(), body.category(), body.price(), body.stock()));
    return Responses.json(
        201, JsonCodec.write(WireValues.product(product)), Map.of("Location", "/products/" + product.id()));
  }

  private static APIGatewayV2HTTPResponse restock(ShopSource shop, ApiRequest request) {
    long id = request.id("id", "Product");
    int quantity = JsonCodec.readRestockRequest(request.jsonBody()).quantity();
    return Responses.json(200, JsonCodec.write(WireValues.product(shop.shop().catalog().restock(id, quantity))));
  }
}
