package io.github.hybridshop.aws.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.api.NewProductRequest;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemException;
import io.github.hybridshop.api.ProblemType;
import io.github.hybridshop.aws.config.LambdaEnvironment;
import io.github.hybridshop.aws.config.ShopSource;
import io.github.hybridshop.aws.http.ApiHandler;
import io.github.hybridshop.aws.http.ApiRequest;
import io.github.hybridshop.aws.http.Dispatcher;
import io.github.hybridshop.aws.http.Responses;
import io.github.hybridshop.aws.http.WireValues;
import io.github.hybridshop.core.Shop;
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
public final class AdminHandler implements ApiHandler {

  /** The routes this handler serves, in API Gateway syntax. */
  public static final List<String> ROUTES = List.of("POST /products", "POST /products/{id}/restock");

  private final ShopSource shop;
  private final AdminAccess access;
  private final Dispatcher dispatcher;

  /**
   * For Lambda: the execution environment's shop, admin access from
   * {@code SHOP_ADMIN_JWT_SUBJECTS}, {@code SHOP_ADMIN_TOKEN_SECRET_ARN} or {@code SHOP_ADMIN_TOKEN}.
   */
  public AdminHandler() {
    this(
        LambdaEnvironment.get()::shop,
        AdminAccess.fromEnvironment(LambdaEnvironment.get().env(), LambdaEnvironment.get().secrets()));
  }

  /**
   * Serves a given shop.
   *
   * @param shop the shop
   * @param access who counts as admin
   */
  public AdminHandler(Shop shop, AdminAccess access) {
    this(ShopSource.of(shop), access);
  }

  /**
   * Serves the shop a source gives, such as {@code LambdaEnvironment.get()::shop}.
   *
   * @param shop where the shop comes from, asked on every request
   * @param access who counts as admin
   */
  public AdminHandler(ShopSource shop, AdminAccess access) {
    this.shop = shop;
    this.access = Objects.requireNonNull(access, "access");
    this.dispatcher =
        Dispatcher.builder()
            .on(ROUTES.get(0), request -> add(admin(request)))
            .on(ROUTES.get(1), request -> restock(admin(request)))
            .build();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return dispatcher.dispatch(event);
  }

  @Override
  public List<String> routes() {
    return dispatcher.routes();
  }

  private ApiRequest admin(ApiRequest request) {
    if (!access.admits(request)) {
      throw new ProblemException(Problem.of(ProblemType.UNAUTHORIZED,
          "This route needs an admin: send Authorization: Bearer <admin token>"));
    }
    return request;
  }

  private APIGatewayV2HTTPResponse add(ApiRequest request) {
    NewProductRequest body = JsonCodec.readNewProductRequest(request.jsonBody());
    Product product =
        shop.shop().catalog().add(new NewProduct(body.name(), body.category(), body.price(), body.stock()));
    return Responses.json(
        201, JsonCodec.write(WireValues.product(product)), Map.of("Location", "/products/" + product.id()));
  }

  private APIGatewayV2HTTPResponse restock(ApiRequest request) {
    long id = request.id("id", "Product");
    int quantity = JsonCodec.readRestockRequest(request.jsonBody()).quantity();
    return Responses.json(200, JsonCodec.write(WireValues.product(shop.shop().catalog().restock(id, quantity))));
  }
}
