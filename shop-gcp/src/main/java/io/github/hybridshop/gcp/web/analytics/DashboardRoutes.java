package io.github.hybridshop.gcp.web.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemType;
import io.github.hybridshop.gcp.analytics.Warehouse;
import io.github.hybridshop.gcp.web.ErrorPage;
import io.github.hybridshop.gcp.web.Page;
import io.github.hybridshop.gcp.web.Pages;
import io.github.hybridshop.gcp.web.Views;
import io.github.hybridshop.gcp.web.catalog.CatalogRoutes;
import io.github.hybridshop.gcp.web.security.AdminGuard;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code GET /analytics}: the dashboard (inventory by category, sales by day over 30 days, low
 * stock, freshness), and {@code GET /analytics/api/<report>}: the same reports as JSON. Backed
 * by the injected {@link Warehouse}; without one the page says so and the JSON answers 503, and
 * a warehouse that fails (BigQuery down, say) gives a 503 page or problem, not a 500.
 */
public final class DashboardRoutes {
  /** The copy counts as stale when its heartbeat is older than this. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(5);

  private static final int DAYS = 30;
  private static final int ROWS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(DashboardRoutes.class);

  private final Warehouse warehouse;
  private final ErrorPage errors;
  private final Views views;
  private final Pages pages;
  private final AdminGuard guard;
  private final boolean open;
  private final Clock clock;
  private final ObjectMapper json =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /**
   * Creates the dashboard.
   *
   * @param warehouse the reports, or {@code null} when none is configured
   * @param views the templates
   * @param pages the page context builder
   * @param errors error pages, for a warehouse that fails
   * @param guard protects the dashboard unless {@code open}
   * @param open {@code true} to show it without signing in (local stack)
   * @param clock today's date for the 30-day window
   */
  public DashboardRoutes(
      Warehouse warehouse, Views views, Pages pages, ErrorPage errors, AdminGuard guard, boolean open, Clock clock) {
    this.warehouse = warehouse;
    this.errors = errors;
    this.views = views;
    this.pages = pages;
    this.guard = guard;
    this.open = open;
    this.clock = clock;
  }

  /**
   * Registers the routes.
   *
   * @param http the Spark service
   */
  public void register(Service http) {
    if (!open) {
      guard.protect(http, "/analytics", "/analytics/*");
    }
    http.get("/analytics", (request, response) -> {
      try {
        return dashboard(request, response);
      } catch (RuntimeException e) {
        LOG.warn("warehouse query failed for the dashboard", e);
        return errors.render(request, response, 503, "error.warehouse");
      }
    });
    http.get("/analytics/api/:report", (request, response) -> {
      try {
        return report(request, response);
      } catch (RuntimeException e) {
        LOG.warn("warehouse query failed for report {}", request.params(":report"), e);
        return problem(response, Problem.of(ProblemType.WAREHOUSE_UNAVAILABLE, "The warehouse could not answer"));
      }
    });
  }

  private String dashboard(Request request, Response response) {
    Page page = pages.page(request, response);
    response.type("text/html; charset=utf-8");
    if (warehouse == null) {
      return views.render("analytics.jte", new DashboardView(page, false, null, null, null, null, false));
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate from = today.minusDays(DAYS - 1);
    Map<LocalDate, BigDecimal> revenue = new TreeMap<>();
    warehouse.salesByDay(from, today).forEach(d -> revenue.put(d.day(), d.revenue()));
    Warehouse.Freshness freshness = warehouse.freshness();
    boolean fresh = freshness.lagSeconds() != null && freshness.lagSeconds() <= STALE_AFTER.toSeconds();
    String freshnessText =
        freshness.lagSeconds() == null
            ? page.t().get("analytics.freshness.unknown")
            : page.t().format("analytics.freshness.lag", Math.round(freshness.lagSeconds()));
    return views.render(
        "analytics.jte",
        new DashboardView(
            page,
            true,
            Charts.bars(
                warehouse.inventoryByCategory(),
                Warehouse.CategoryInventory::category,
                Warehouse.CategoryInventory::value,
                page.t()::money),
            Charts.line(revenue, from, today, page.t()::money),
            warehouse.lowStock(CatalogRoutes.LOW_STOCK, ROWS),
            freshnessText,
            fresh));
  }

  private String report(Request request, Response response) throws JsonProcessingException {
    response.type("application/json");
    if (warehouse == null) {
      return problem(response, Problem.of(ProblemType.WAREHOUSE_UNAVAILABLE, "No warehouse is configured"));
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate from = today.minusDays(DAYS - 1);
    Object body;
    switch (request.params(":report")) {
      case "inventory-by-category" -> body = warehouse.inventoryByCategory();
      case "low-stock" -> body = warehouse.lowStock(CatalogRoutes.LOW_STOCK, ROWS);
      case "sales-by-day" -> body = warehouse.salesByDay(from, today);
      case "top-products" -> body = warehouse.topProducts(from, today, ROWS);
      case "stock-history" -> {
        long productId = parseId(request.queryParams("productId"));
        if (productId <= 0) {
          return problem(response, Problem.invalid(List.of(new Problem.FieldError("productId", "must be a product id"))));
        }
        body = warehouse.stockHistory(productId);
      }
      case "freshness" -> body = warehouse.freshness();
      default -> {
        return problem(response, Problem.of(ProblemType.NOT_FOUND, "No such report: " + request.params(":report")));
      }
    }
    return json.writeValueAsString(body);
  }

  private static String problem(Response response, Problem problem) {
    response.status(problem.status());
    response.type(JsonCodec.PROBLEM_MEDIA_TYPE);
    return JsonCodec.write(problem);
  }

  private static long parseId(String text) {
    try {
      return text == null ? -1 : Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
