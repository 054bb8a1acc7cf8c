package io.github.hybridshop.gcp.web.cart;

import io.github.hybridshop.api.Product;
import io.github.hybridshop.gcp.api.ShopApiClient;
import io.github.hybridshop.gcp.web.ErrorPage;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code POST /cart/items} adds a product, {@code GET /cart} shows the cart, {@code POST /cart}
 * changes quantities ({@code qty_<id>}), removes a line ({@code remove=<id>}) or takes the
 * quantity offered after a shortage ({@code set=<id>:<qty>}). Every change
 * answers with a redirect (post/redirect/get), so a reload never repeats it.
 */
public final class CartRoutes {
  private final ShopApiClient api;
  private final CartCookie carts;
  private final CartPage cartPage;
  private final ErrorPage errors;

  /**
   * Creates the cart routes.
   *
   * @param api the shop API
   * @param carts the cart store
   * @param cartPage renders the cart
   * @param errors error pages
   */
  public CartRoutes(ShopApiClient api, CartCookie carts, CartPage cartPage, ErrorPage errors) {
    this.api = api;
    this.carts = carts;
    this.cartPage = cartPage;
    this.errors = errors;
  }

  /**
   * Registers the routes.
   *
   * @param http the Spark service
   */
  public void register(Service http) {
    http.get("/cart", (request, response) -> cartPage.render(request, response, carts.read(request), Map.of(), null));
    http.post("/cart/items", this::add);
    http.post("/cart", this::update);
  }

  private String add(Request request, Response response) {
    long productId = parseLong(request.queryParams("productId"));
    int quantity = parseInt(request.queryParams("quantity"), 1);
    if (productId <= 0 || quantity < 1 || quantity > Cart.MAX_QUANTITY) {
      return errors.render(request, response, 400, "error.quantity");
    }
    Product product = api.product(productId);
    if (product.stock() <= 0) {
      return errors.render(request, response, 409, "error.soldout");
    }
    var updated = carts.read(request).add(productId, quantity);
    if (updated.isEmpty()) {
      return errors.render(request, response, 409, "error.cartfull");
    }
    carts.write(request, response, updated.get());
    String back = backTo(request.headers("Referer"));
    response.redirect(back + (back.contains("?") ? "&" : "?") + "added=" + productId, 303);
    return "";
  }

  private String update(Request request, Response response) {
    Cart cart = carts.read(request);
    long remove = parseLong(request.queryParams("remove"));
    String set = request.queryParams("set");
    if (remove > 0) {
      cart = cart.set(remove, 0);
    } else if (set != null && set.indexOf(':') > 0) {
      long id = parseLong(set.substring(0, set.indexOf(':')));
      int quantity = parseInt(set.substring(set.indexOf(':') + 1), -1);
      if (quantity < 0 || quantity > Cart.MAX_QUANTITY) {
        return errors.render(request, response, 400, "error.quantity");
      }
      cart = cart.set(id, quantity);
    } else {
      for (Long id : cart.lines().keySet()) {
        int quantity = parseInt(request.queryParams("qty_" + id), -1);
        if (quantity < 0 || quantity > Cart.MAX_QUANTITY) {
          return errors.render(request, response, 400, "error.quantity");
        }
        cart = cart.set(id, quantity);
      }
    }
    carts.write(request, response, cart);
    response.redirect("/cart", 303);
    return "";
  }

  /**
   * Returns to the catalog page the product was added from, keeping only the path and query of
   * the {@code Referer}: never another host, so this is no open redirect.
   */
  static String backTo(String referer) {
    if (referer == null) {
      return "/";
    }
    try {
      URI uri = URI.create(referer);
      String path = uri.getRawPath();
      if (path == null || !path.equals("/")) {
        return "/";
      }
      String query = uri.getRawQuery();
      if (query == null) {
        return "/";
      }
      String kept = Arrays.stream(query.split("&")).filter(p -> !p.startsWith("added=")).collect(Collectors.joining("&"));
      return kept.isEmpty() ? "/" : "/?" + kept;
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }

  private static long parseLong(String text) {
    try {
      return text == null ? -1 : Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int parseInt(String text, int fallback) {
    try {
      return text == null || text.isBlank() ? fallback : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
