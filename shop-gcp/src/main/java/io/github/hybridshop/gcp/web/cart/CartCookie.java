package io.github.hybridshop.gcp.web.cart;

import io.github.hybridshop.gcp.web.security.Cookies;
import java.time.Duration;
import spark.Request;
import spark.Response;

/** Keeps the cart in a signed {@code SameSite=Lax} cookie for 30 days. */
public final class CartCookie {
  private static final String NAME = "cart";
  private static final Duration LIFETIME = Duration.ofDays(30);
  private final Cookies cookies;

  /**
   * Creates the cart store.
   *
   * @param cookies the signed cookie jar
   */
  public CartCookie(Cookies cookies) {
    this.cookies = cookies;
  }

  /**
   * Reads the visitor's cart.
   *
   * @param request the request
   * @return the cart, empty when there is none or it was tampered with
   */
  public Cart read(Request request) {
    return cookies.read(request, NAME).map(Cart::decode).orElse(Cart.empty());
  }

  /**
   * Stores the cart, or removes the cookie when it is empty.
   *
   * @param request the request
   * @param response the response
   * @param cart the cart
   */
  public void write(Request request, Response response, Cart cart) {
    if (cart.isEmpty()) {
      cookies.clear(request, response, NAME);
    } else {
      cookies.write(request, response, NAME, cart.encode(), LIFETIME, Cookies.SameSite.LAX);
    }
  }
}
