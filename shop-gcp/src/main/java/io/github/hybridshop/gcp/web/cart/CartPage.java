package io.github.hybridshop.gcp.web.cart;

import io.github.hybridshop.api.Problem.Shortage;
import io.github.hybridshop.api.Product;
import io.github.hybridshop.gcp.api.ApiException;
import io.github.hybridshop.gcp.api.ShopApiClient;
import io.github.hybridshop.gcp.web.Page;
import io.github.hybridshop.gcp.web.Pages;
import io.github.hybridshop.gcp.web.Views;
import io.github.hybridshop.gcp.web.security.CookieSigner;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import spark.Request;
import spark.Response;

/**
 * Renders the cart with current names and prices from the API, a fresh checkout ticket, and,
 * after a failed checkout, which lines are short and by how much. Products that vanished from
 * the catalog are dropped from the cart.
 */
public final class CartPage {
  private final ShopApiClient api;
  private final Views views;
  private final Pages pages;
  private final CartCookie carts;
  private final CookieSigner signer;

  /**
   * Creates the cart page.
   *
   * @param api the shop API
   * @param views the templates
   * @param pages the page context builder
   * @param carts the cart store
   * @param signer signs checkout tickets
   */
  public CartPage(ShopApiClient api, Views views, Pages pages, CartCookie carts, CookieSigner signer) {
    this.api = api;
    this.views = views;
    this.pages = pages;
    this.carts = carts;
    this.signer = signer;
  }

  /**
   * Renders the cart.
   *
   * @param request the request
   * @param response the response
   * @param cart the cart to show
   * @param shortages short lines by product id (empty normally)
   * @param problemKey bundle key of a message above the cart, or {@code null}
   * @return the HTML
   */
  public String render(
      Request request, Response response, Cart cart, Map<Long, Shortage> shortages, String problemKey) {
    Page page = pages.page(request, response);
    List<CartView.Line> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    Cart shown = cart;
    for (Map.Entry<Long, Integer> entry : cart.lines().entrySet()) {
      Product product;
      try {
        product = api.product(entry.getKey());
      } catch (ApiException.NotFound e) {
        shown = shown.set(entry.getKey(), 0);
        continue;
      }
      BigDecimal lineTotal = product.price().amount().multiply(BigDecimal.valueOf(entry.getValue()));
      total = total.add(lineTotal);
      Shortage shortage = shortages.get(product.id());
      lines.add(
          new CartView.Line(
              product.id(),
              product.name(),
              page.t().money(product.price().amount()),
              entry.getValue(),
              page.t().money(lineTotal),
              shortage == null
                  ? null
                  : page.t().format("cart.short", shortage.available(), shortage.requested() - shortage.available()),
              shortage == null ? -1 : shortage.available()));
    }
    if (!shown.equals(cart)) {
      carts.write(request, response, shown);
    }
    response.type("text/html; charset=utf-8");
    return views.render(
        "cart.jte",
        new CartView(
            page,
            lines,
            page.t().money(total),
            shown.isEmpty() ? null : CheckoutTicket.mint(shown).sign(signer),
            problemKey == null ? null : page.t().get(problemKey)));
  }
}
