package io.github.hybridshop.gcp.web.admin;

import io.github.hybridshop.api.Problem.FieldError;
import io.github.hybridshop.api.Product;
import io.github.hybridshop.api.ProductPage;
import io.github.hybridshop.gcp.api.ApiException;
import io.github.hybridshop.gcp.api.ShopApiClient;
import io.github.hybridshop.gcp.web.ErrorPage;
import io.github.hybridshop.gcp.web.Page;
import io.github.hybridshop.gcp.web.Pages;
import io.github.hybridshop.gcp.web.ShopLimits;
import io.github.hybridshop.gcp.web.Views;
import io.github.hybridshop.gcp.web.security.AdminGuard;
import io.github.hybridshop.gcp.web.security.AdminSession;
import io.github.hybridshop.gcp.web.security.PasswordHash;
import io.github.hybridshop.gcp.web.security.SignInThrottle;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The admin pages under {@code /admin}: sign-in and sign-out, the products page with the add
 * form and a restock form per product. Everything except the sign-in page requires a signed-in
 * session; other requests are redirected to {@code /admin/signin}.
 */
public final class AdminRoutes {
  private static final String SIGN_IN = AdminGuard.SIGN_IN;
  private static final String PRODUCTS = "/admin/products";
  private static final int PAGE_SIZE = 50;

  private final ShopApiClient api;
  private final Views views;
  private final Pages pages;
  private final ErrorPage errors;
  private final AdminSession session;
  private final AdminGuard guard;
  private final SignInThrottle throttle;
  private final PasswordHash passwordHash;

  /**
   * Creates the admin pages.
   *
   * @param api the shop API
   * @param views the templates
   * @param pages the page context builder
   * @param errors error pages
   * @param session the admin session
   * @param throttle slows down password guessing
   * @param passwordHash the admin password's hash, or {@code null} to disable sign-in
   */
  public AdminRoutes(
      ShopApiClient api, Views views, Pages pages, ErrorPage errors, AdminSession session, SignInThrottle throttle,
      PasswordHash passwordHash) {
    this.api = api;
    this.views = views;
    this.pages = pages;
    this.errors = errors;
    this.session = session;
    this.guard = new AdminGuard(session);
    this.throttle = throttle;
    this.passwordHash = passwordHash;
  }

  /**
   * Registers the routes and the guard in front of them.
   *
   * @param http the Spark service
   */
  public void register(Service http) {
    guard.protect(http, "/admin", "/admin/*");
    http.get("/admin", (request, response) -> redirect(response, PRODUCTS));
    http.get(SIGN_IN, (request, response) -> signInPage(request, response, null, 200));
    http.post(SIGN_IN, this::signIn);
    http.post("/admin/signout", this::signOut);
    http.get(PRODUCTS, (request, response) -> productsPage(request, response, ProductForm.EMPTY, Map.of(), 200));
    http.post(PRODUCTS, this::addProduct);
    http.post(PRODUCTS + "/:id/restock", this::restock);
  }

  private String signInPage(Request request, Response response, String messageKey, int status) {
    Page page = pages.page(request, response);
    response.status(status);
    response.type("text/html; charset=utf-8");
    return views.render(
        "admin/signin.jte",
        new AdminViews.SignIn(page, messageKey == null ? null : page.t().get(messageKey), passwordHash != null));
  }

  private String signIn(Request request, Response response) {
    if (passwordHash == null) {
      return signInPage(request, response, "signin.disabled", 403);
    }
    Duration wait = throttle.waitBeforeNextTry(request);
    if (!wait.isZero()) {
      response.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
      return signInPage(request, response, "signin.wait", 429);
    }
    String password = request.queryParams("password");
    if (password == null || password.isEmpty() || !passwordHash.matches(password.toCharArray())) {
      throttle.recordFailure(request, response);
      return signInPage(request, response, "signin.wrong", 401);
    }
    throttle.reset(request, response);
    session.signIn(request, response);
    return redirect(response, PRODUCTS);
  }

  private String signOut(Request request, Response response) {
    session.signOut(request, response);
    return redirect(response, "/");
  }

  private String productsPage(
      Request request, Response response, ProductForm form, Map<String, String> errorKeys, int status) {
    Page page = pages.page(request, response);
    String cursor = request.queryParams("page");
    ProductPage listing = api.products(null, null, PAGE_SIZE, cursor == null || cursor.isBlank() ? null : cursor);
    List<AdminViews.Row> rows = new ArrayList<>();
    for (Product product : listing.items()) {
      rows.add(new AdminViews.Row(
          product.id(), product.name(), product.category(), page.t().money(product.price().amount()), product.stock()));
    }
    Map<String, String> messages = new LinkedHashMap<>();
    errorKeys.forEach((field, key) -> messages.put(field, key.startsWith("api:") ? key.substring(4) : page.t().get(key)));
    String notice = null;
    if (request.queryParams("added") != null) {
      notice = page.t().get("admin.added");
    } else if (request.queryParams("restocked") != null) {
      notice = page.t().get("admin.restocked");
    }
    response.status(status);
    response.type("text/html; charset=utf-8");
    return views.render(
        "admin/products.jte",
        new AdminViews.Products(
            page, form, messages, notice, rows,
            listing.hasMore() ? PRODUCTS + "?page=" + URLEncoder.encode(listing.nextCursor(), StandardCharsets.UTF_8) : null));
  }

  private String addProduct(Request request, Response response) {
    ProductForm form =
        new ProductForm(
            request.queryParams("name"), request.queryParams("category"),
            request.queryParams("price"), request.queryParams("stock"));
    Map<String, String> errorKeys = form.errors();
    if (!errorKeys.isEmpty()) {
      return productsPage(request, response, form, errorKeys, 400);
    }
    Product created;
    try {
      created = api.addProduct(form.toRequest());
    } catch (ApiException.Invalid e) {
      Map<String, String> apiErrors = new LinkedHashMap<>();
      for (FieldError error : e.errors()) {
        apiErrors.putIfAbsent(error.field(), "api:" + error.message());
      }
      return productsPage(request, response, form, apiErrors, 400);
    } catch (ApiException.Conflict e) {
      return productsPage(request, response, form, Map.of("name", "field.duplicate"), 409);
    } catch (ApiException.Unauthorized e) {
      return errors.render(request, response, 502, "error.adminapi");
    }
    return redirect(response, PRODUCTS + "?added=" + created.id());
  }

  private String restock(Request request, Response response) {
    Long id = ProductForm.whole(request.params(":id"));
    Long quantity = ProductForm.whole(request.queryParams("quantity"));
    if (id == null || quantity == null || quantity < 1 || quantity > ShopLimits.MAX_RESTOCK) {
      return errors.render(request, response, 400, "error.restock");
    }
    try {
      api.restock(id, quantity.intValue());
    } catch (ApiException.Unauthorized e) {
      return errors.render(request, response, 502, "error.adminapi");
    }
    return redirect(response, PRODUCTS + "?restocked=" + id);
  }

  private static String redirect(Response response, String location) {
    response.redirect(location, 303);
    return "";
  }
}
