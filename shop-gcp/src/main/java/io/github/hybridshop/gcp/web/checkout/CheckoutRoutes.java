package io.github.hybridshop.gcp.web.checkout;

import io.github.hybridshop.api.Order;
import io.github.hybridshop.api.OrderLine;
import io.github.hybridshop.api.Problem.Shortage;
import io.github.hybridshop.gcp.api.ApiException;
import io.github.hybridshop.gcp.api.ShopApiClient;
import io.github.hybridshop.gcp.web.ErrorPage;
import io.github.hybridshop.gcp.web.Page;
import io.github.hybridshop.gcp.web.Pages;
import io.github.hybridshop.gcp.web.Views;
import io.github.hybridshop.gcp.web.cart.Cart;
import io.github.hybridshop.gcp.web.cart.CartCookie;
import io.github.hybridshop.gcp.web.cart.CartPage;
import io.github.hybridshop.gcp.web.cart.CheckoutTicket;
import io.github.hybridshop.gcp.web.security.AdminSession;
import io.github.hybridshop.gcp.web.security.CookieSigner;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code POST /checkout} places the order described by the form's {@link CheckoutTicket} with one
 * {@code POST /orders} and redirects to the receipt, {@code GET /orders/{id}}, which only the
 * browser that placed the order (or a signed-in admin) can see. When stock is short the cart
 * stays as it was and is shown again with the short lines marked.
 */
public final class CheckoutRoutes {
  private final ShopApiClient api;
  private final Views views;
  private final Pages pages;
  private final CartCookie carts;
  private final CartPage cartPage;
  private final ErrorPage errors;
  private final CookieSigner signer;
  private final RecentOrders recentOrders;
  private final AdminSession session;

  /**
   * Creates the checkout routes.
   *
   * @param api the shop API
   * @param views the templates
   * @param pages the page context builder
   * @param carts the cart store
   * @param cartPage renders the cart after a failed checkout
   * @param errors error pages
   * @param signer opens checkout tickets
   * @param recentOrders the orders this browser placed, whose receipts it may see
   * @param session the admin session (admins see every receipt)
   */
  public CheckoutRoutes(
      ShopApiClient api, Views views, Pages pages, CartCookie carts, CartPage cartPage, ErrorPage errors,
      CookieSigner signer, RecentOrders recentOrders, AdminSession session) {
    this.api = api;
    this.views = views;
    this.pages = pages;
    this.carts = carts;
    this.cartPage = cartPage;
    this.errors = errors;
    this.signer = signer;
    this.recentOrders = recentOrders;
    this.session = session;
  }

  /**
   * Registers the routes.
   *
   * @param http the Spark service
   */
  public void register(Service http) {
    http.post("/checkout", this::checkout);
    http.get("/orders/:id", this::receipt);
  }

  private String checkout(Request request, Response response) {
    var ticket = CheckoutTicket.open(signer, request.queryParams("ticket"));
    if (ticket.isEmpty()) {
      return errors.render(request, response, 400, "error.ticket");
    }
    Order order;
    try {
      order = api.placeOrder(ticket.get().idempotencyKey(), ticket.get().cart().items());
    } catch (ApiException.OutOfStock e) {
      Map<Long, Shortage> shortages =
          e.shortages().stream().collect(Collectors.toMap(Shortage::productId, Function.identity(), (a, b) -> a));
      response.status(409);
      return cartPage.render(request, response, carts.read(request), shortages, "cart.shortages");
    } catch (ApiException.KeyReused | ApiException.Invalid | ApiException.NotFound e) {
      response.status(409);
      return cartPage.render(request, response, carts.read(request), Map.of(), "cart.changed");
    }
    carts.write(request, response, Cart.empty());
    recentOrders.remember(request, response, order.id());
    response.redirect("/orders/" + order.id(), 303);
    return "";
  }

  private String receipt(Request request, Response response) {
    long id;
    try {
      id = Long.parseLong(request.params(":id"));
    } catch (NumberFormatException e) {
      return errors.render(request, response, 404, "error.notfound");
    }
    if (!recentOrders.placed(request, id) && !session.isSignedIn(request)) {
      return errors.render(request, response, 404, "error.notfound");
    }
    Order order = api.order(id);
    Page page = pages.page(request, response);
    List<ReceiptView.Line> lines = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      lines.add(
          new ReceiptView.Line(
              line.productName(),
              line.quantity(),
              page.t().money(line.unitPrice().amount()),
              page.t().money(line.lineTotal().amount())));
    }
    String placedAt =
        order.createdAt() == null
            ? ""
            : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(page.t().language().locale())
                .withZone(ZoneOffset.UTC)
                .format(order.createdAt()) + " UTC";
    response.type("text/html; charset=utf-8");
    return views.render("receipt.jte", new ReceiptView(page, order.id(), placedAt, lines, page.t().money(order.total().amount())));
  }
}
