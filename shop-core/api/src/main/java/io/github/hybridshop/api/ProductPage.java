package io.github.hybridshop.api;

import java.util.List;

/**
 * One page of {@code GET /products}: {@code {items, nextCursor}}.
 *
 * @param items the products on this page
 * @param nextCursor pass as {@code cursor} to read the next page; {@code null} on the last page
 */
public record ProductPage(List<Product> items, String nextCursor) {

  /**
   * Copies the items.
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
