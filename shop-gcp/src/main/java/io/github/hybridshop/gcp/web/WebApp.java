package io.github.hybridshop.gcp.web;

import io.github.hybridshop.gcp.analytics.Warehouse;
import io.github.hybridshop.gcp.api.ApiException;
import io.github.hybridshop.gcp.api.ShopApiClient;
import io.github.hybridshop.gcp.web.admin.AdminRoutes;
import io.github.hybridshop.gcp.web.analytics.DashboardRoutes;
import io.github.hybridshop.gcp.web.cart.CartCookie;
import io.github.hybridshop.gcp.web.cart.CartPage;
import io.github.hybridshop.gcp.web.cart.CartRoutes;
import io.github.hybridshop.gcp.web.catalog.CatalogRoutes;
import io.github.hybridshop.gcp.web.checkout.CheckoutRoutes;
import io.github.hybridshop.gcp.web.checkout.RecentOrders;
import io.github.hybridshop.gcp.web.security.AdminGuard;
import io.github.hybridshop.gcp.web.security.AdminSession;
import io.github.hybridshop.gcp.web.security.CookieSigner;
import io.github.hybridshop.gcp.web.security.Cookies;
import io.github.hybridshop.gcp.web.security.Csrf;
import io.github.hybridshop.gcp.web.security.SignInThrottle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Service;

/**
 * The shop web site on an embedded Spark (Jetty 9.4) server. Holds no state between requests:
 * cart, admin session and CSRF token travel in signed cookies, so any instance serves any
 * request.
 *
 * <pre>{@code
 * WebApp app = WebApp.start(config, new ShopApiClient(settings), warehouseOrNull);
 * System.out.println("http://127.0.0.1:" + app.port() + "/");
 * app.stop();
 * }</pre>
 */
public final class WebApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
  private static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
          + "frame-ancestors 'none'; base-uri 'none'";

  private final Service http;

  private WebApp(Service http) {
    this.http = http;
  }

  /**
   * Starts the site on {@link WebConfig#port()} and waits until it accepts connections.
   * A port that cannot be bound fails here, naming the address, rather than in a background
   * thread.
   *
   * @param config the settings
   * @param api the shop API client
   * @param warehouse the analytics reports, or {@code null}: the dashboard then says no warehouse
   *     is configured
   * @return the running site
   * @throws IllegalStateException when the server cannot listen on the port
   */
  public static WebApp start(WebConfig config, ShopApiClient api, Warehouse warehouse) {
    Service http = Service.ignite().ipAddress(config.host()).port(config.port());
    // Spark's default handler exits the JVM; this one lets start() fail with one clear line.
    AtomicReference<Exception> startFailure = new AtomicReference<>();
    http.initExceptionHandler(startFailure::set);
    Clock clock = Clock.systemUTC();
    CookieSigner signer = new CookieSigner(config.cookieSecret());
    Cookies cookies = new Cookies(signer);
    Csrf csrf = new Csrf(cookies);
    AdminSession session = new AdminSession(cookies, clock);
    CartCookie carts = new CartCookie(cookies);
    Views views = new Views();
    Pages pages = new Pages(cookies, csrf, session, carts, config.currency());
    ErrorPage errors = new ErrorPage(views, pages);
    CartPage cartPage = new CartPage(api, views, pages, carts, signer);

    RequestLog.install(http);
    http.before(
        (request, response) -> {
          response.header("Content-Security-Policy", CSP);
          response.header("X-Content-Type-Options", "nosniff");
          response.header("Referrer-Policy", "same-origin");
          response.header("Cache-Control", "no-store");
          if ("POST".equals(request.requestMethod()) && !csrf.isValid(request)) {
            http.halt(403, errors.render(request, response, 403, "error.csrf"));
          }
        });
    serveAsset(http, "/static/site.css", "text/css; charset=utf-8");
    serveAsset(http, "/static/favicon.svg", "image/svg+xml");
    http.get("/favicon.ico", (request, response) -> {
      response.redirect("/static/favicon.svg", 301);
      return "";
    });
    http.get("/healthz", (request, response) -> {
      response.type("application/json");
      return "{\"status\":\"ok\"}";
    });

    new CatalogRoutes(api, views, pages).register(http);
    new CartRoutes(api, carts, cartPage, errors).register(http);
    new CheckoutRoutes(api, views, pages, carts, cartPage, errors, signer, new RecentOrders(cookies), session)
        .register(http);
    new AdminRoutes(api, views, pages, errors, session, new SignInThrottle(cookies, clock), config.adminPasswordHash())
        .register(http);
    new DashboardRoutes(warehouse, views, pages, errors, new AdminGuard(session), config.analyticsOpen(), clock)
        .register(http);

    http.exception(ApiException.Unavailable.class, (e, request, response) -> {
      LOG.warn("shop API unavailable: {}", e.detail());
      response.body(errors.render(request, response, 503, "error.unavailable"));
    });
    http.exception(ApiException.NotFound.class,
        (e, request, response) -> response.body(errors.render(request, response, 404, "error.notfound")));
    http.exception(ApiException.Invalid.class,
        (e, request, response) -> response.body(errors.render(request, response, 400, "error.badrequest")));
    http.exception(ApiException.class, (e, request, response) -> {
      LOG.warn("shop API answered {}: {}", e.status(), e.detail());
      response.body(errors.render(request, response, 502, "error.api"));
    });
    http.exception(Exception.class, (e, request, response) -> {
      LOG.error("unhandled error on {} {}", request.requestMethod(), request.pathInfo(), e);
      response.body(errors.render(request, response, 500, "error.internal"));
    });
    http.notFound((request, response) -> errors.render(request, response, 404, "error.notfound"));
    http.awaitInitialization();
    if (startFailure.get() != null) {
      http.stop();
      http.awaitStop();
      Throwable cause = startFailure.get().getCause() != null ? startFailure.get().getCause() : startFailure.get();
      throw new IllegalStateException(
          "the web site could not listen on " + config.host() + ":" + config.port() + ": " + cause.getMessage()
              + " (is another process using the port?)",
          startFailure.get());
    }
    LOG.info("web app listening on port {} ({})", http.port(), config);
    return new WebApp(http);
  }

  /**
   * Returns the port the site listens on.
   *
   * @return the bound port
   */
  public int port() {
    return http.port();
  }

  /** Stops the server and waits until it has stopped. */
  public void stop() {
    http.stop();
    http.awaitStop();
  }

  @Override
  public void close() {
    stop();
  }

  private static void serveAsset(Service http, String path, String type) {
    byte[] bytes;
    try (InputStream in = WebApp.class.getResourceAsStream("/public" + path.substring("/static".length()))) {
      if (in == null) {
        throw new IllegalStateException("missing asset " + path);
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.get(path, (request, response) -> {
      response.type(type);
      response.header("Cache-Control", "public, max-age=86400");
      return bytes;
    });
  }
}
