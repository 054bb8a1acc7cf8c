package io.github.hybridshop.core.catalog;

import java.util.List;

/**
 * One page of a product listing, in ascending id.
 *
 * @param items the products on this page
 * @param nextCursor pass to {@link ProductQuery#after(String)} for the next page; {@code null} on
 *     the last page
 */
public record ProductPage(List<Product> items, String nextCursor) {
  /**
   * Copies the list so the page stays immutable.
   *
   * @param items see the record description
   * @param nextCursor see the record description
   */
  public ProductPage {
    items = List.copyOf(items);
  }

  /**
   * Tells whether another page follows.
   *
   * @return {@code true} when {@link #nextCursor()} is set
   */
  public boolean hasMore() {
    return nextCursor != null;
  }
}
