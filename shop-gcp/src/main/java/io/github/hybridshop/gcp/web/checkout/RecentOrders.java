package io.github.hybridshop.gcp.web.checkout;

import io.github.hybridshop.gcp.web.security.Cookies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import spark.Request;
import spark.Response;

/**
 * The orders this browser placed, in a signed cookie, so a receipt is shown only to whoever
 * placed the order: order ids are sequential, and without this anyone could read every receipt
 * by counting. Keeps the newest {@value #KEPT}.
 */
public final class RecentOrders {
  private static final String COOKIE = "orders";
  private static final int KEPT = 20;
  private static final Duration LIFETIME = Duration.ofDays(30);
  private final Cookies cookies;

  /**
   * Creates the store.
   *
   * @param cookies the signed cookie jar
   */
  public RecentOrders(Cookies cookies) {
    this.cookies = cookies;
  }

  /**
   * Remembers an order placed by this browser.
   *
   * @param request the request
   * @param response the response
   * @param orderId the order
   */
  public void remember(Request request, Response response, long orderId) {
    List<Long> ids = new ArrayList<>(read(request));
    ids.remove(orderId);
    ids.add(orderId);
    if (ids.size() > KEPT) {
      ids = ids.subList(ids.size() - KEPT, ids.size());
    }
    String value = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    cookies.write(request, response, COOKIE, value, LIFETIME, Cookies.SameSite.LAX);
  }

  /**
   * Tells whether this browser placed an order.
   *
   * @param request the request
   * @param orderId the order
   * @return {@code true} when it did
   */
  public boolean placed(Request request, long orderId) {
    return read(request).contains(orderId);
  }

  private List<Long> read(Request request) {
    return cookies.read(request, COOKIE)
        .map(value -> {
          try {
            return Arrays.stream(value.split(",")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
          } catch (NumberFormatException e) {
            return List.<Long>of();
          }
        })
        .orElse(List.of());
  }
}
