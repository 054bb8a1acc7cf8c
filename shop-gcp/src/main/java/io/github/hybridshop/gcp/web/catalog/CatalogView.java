package io.github.hybridshop.gcp.web.catalog;

import io.github.hybridshop.gcp.web.Page;
import java.util.List;

/**
 * The catalog template's model.
 *
 * @param page the layout context
 * @param q the name search as typed
 * @param category the category filter as typed
 * @param rows the products on this page
 * @param nextHref link to the next page, or {@code null} on the last
 * @param firstHref link to the first page, or {@code null} when on it
 * @param added name of the product just added to the cart, or {@code null}
 */
public record CatalogView(
    Page page,
    String q,
    String category,
    List<Row> rows,
    String nextHref,
    String firstHref,
    String added) {

  /** Stock state shown as a badge. */
  public enum Badge {
    /** Plenty. */
    IN_STOCK("in", "badge.in"),
    /** At or below {@link CatalogRoutes#LOW_STOCK} units. */
    LOW("low", "badge.low"),
    /** None left: cannot be added. */
    SOLD_OUT("out", "badge.out");

    private final String css;
    private final String key;

    Badge(String css, String key) {
      this.css = css;
      this.key = key;
    }

    /** @return the CSS modifier */
    public String css() {
      return css;
    }

    /** @return the text's bundle key */
    public String key() {
      return key;
    }
  }

  /**
   * One product on the page.
   *
   * @param id the product id
   * @param name the name (escaped by the template)
   * @param category the category
   * @param categoryHref link filtering by this category
   * @param price the formatted price
   * @param stock units in stock
   * @param badge the stock badge
   */
  public record Row(long id, String name, String category, String categoryHref, String price, int stock, Badge badge) {
    /** @return {@code true} when it can be added to the cart */
    public boolean canAdd() {
      return badge != Badge.SOLD_OUT;
    }
  }
}
