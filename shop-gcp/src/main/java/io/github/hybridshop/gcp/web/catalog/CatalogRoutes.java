package io.github.hybridshop.gcp.web.catalog;

import io.github.hybridshop.api.Product;
import io.github.hybridshop.api.ProductPage;
import io.github.hybridshop.gcp.api.ShopApiClient;
import io.github.hybridshop.gcp.web.Page;
import io.github.hybridshop.gcp.web.Pages;
import io.github.hybridshop.gcp.web.Views;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code GET /}: the catalog with name search ({@code q}), category filter ({@code category}),
 * and paging by the API's cursors ({@code page}); {@code size} picks 1 to {@value #MAX_SIZE}
 * products per page.
 */
public final class CatalogRoutes {
  /** Stock at or below this shows the "low" badge. */
  public static final int LOW_STOCK = 5;

  /** Products per page unless {@code size} says otherwise. */
  public static final int DEFAULT_SIZE = 20;

  /** Most products per page. */
  public static final int MAX_SIZE = 50;

  private final ShopApiClient api;
  private final Views views;
  private final Pages pages;

  /**
   * Creates the catalog.
   *
   * @param api the shop API
   * @param views the templates
   * @param pages the page context builder
   */
  public CatalogRoutes(ShopApiClient api, Views views, Pages pages) {
    this.api = api;
    this.views = views;
    this.pages = pages;
  }

  /**
   * Registers the routes.
   *
   * @param http the Spark service
   */
  public void register(Service http) {
    http.get("/", this::catalog);
  }

  private String catalog(Request request, Response response) {
    Page page = pages.page(request, response);
    String q = trimmed(request.queryParams("q"));
    String category = trimmed(request.queryParams("category"));
    String cursor = trimmed(request.queryParams("page"));
    int size = size(request.queryParams("size"));
    ProductPage products = api.products(category, q, size, cursor);
    List<CatalogView.Row> rows = new ArrayList<>(products.items().size());
    for (Product product : products.items()) {
      rows.add(
          new CatalogView.Row(
              product.id(),
              product.name(),
              product.category(),
              href(null, product.category(), null, size),
              page.t().money(product.price().amount()),
              product.stock(),
              badge(product.stock())));
    }
    String added = null;
    String addedId = request.queryParams("added");
    if (addedId != null) {
      added = rows.stream().filter(r -> Long.toString(r.id()).equals(addedId)).map(CatalogView.Row::name)
          .findFirst().orElse(page.t().get("cart.added.unnamed"));
    }
    response.type("text/html; charset=utf-8");
    return views.render(
        "catalog.jte",
        new CatalogView(
            page,
            q == null ? "" : q,
            category == null ? "" : category,
            rows,
            products.hasMore() ? href(q, category, products.nextCursor(), size) : null,
            cursor != null ? href(q, category, null, size) : null,
            added));
  }

  static CatalogView.Badge badge(int stock) {
    if (stock <= 0) {
      return CatalogView.Badge.SOLD_OUT;
    }
    return stock <= LOW_STOCK ? CatalogView.Badge.LOW : CatalogView.Badge.IN_STOCK;
  }

  private static int size(String text) {
    try {
      return text == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, Integer.parseInt(text)));
    } catch (NumberFormatException e) {
      return DEFAULT_SIZE;
    }
  }

  private static String href(String q, String category, String cursor, int size) {
    StringJoiner params = new StringJoiner("&", "/?", "").setEmptyValue("/");
    add(params, "q", q);
    add(params, "category", category);
    add(params, "page", cursor);
    if (size != DEFAULT_SIZE) {
      add(params, "size", Integer.toString(size));
    }
    return params.toString();
  }

  private static void add(StringJoiner params, String name, String value) {
    if (value != null) {
      params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
