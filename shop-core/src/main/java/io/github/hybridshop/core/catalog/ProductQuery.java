package io.github.hybridshop.core.catalog;

import io.github.hybridshop.core.Violations;

/**
 * Which products to list: an optional category, an optional name search, a page size and a
 * cursor from the previous page. Immutable; each method returns a new query.
 *
 * <pre>{@code
 * ProductPage page = catalog.list(ProductQuery.all().inCategory("Tea").nameContains("green").limit(20));
 * ProductPage next = catalog.list(ProductQuery.all().inCategory("Tea").nameContains("green").limit(20)
 *     .after(page.nextCursor()));
 * }</pre>
 *
 * @param category exact category to filter by, or {@code null} for every category
 * @param nameContains case-insensitive substring of the name, or {@code null} for no search
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 * @param cursor the {@link ProductPage#nextCursor()} of the previous page, or {@code null} for the first
 */
public record ProductQuery(String category, String nameContains, int limit, String cursor) {

  /** Page size when none is given. */
  public static final int DEFAULT_LIMIT = 20;

  /** Largest page size. */
  public static final int MAX_LIMIT = 100;

  /**
   * Returns the first page of every product, {@value #DEFAULT_LIMIT} at a time.
   *
   * @return the unfiltered query
   */
  public static ProductQuery all() {
    return new ProductQuery(null, null, DEFAULT_LIMIT, null);
  }

  /**
   * Filters by category; {@code null} or blank means every category.
   *
   * @param value the category
   * @return the narrowed query
   */
  public ProductQuery inCategory(String value) {
    return new ProductQuery(blankToNull(value), nameContains, limit, cursor);
  }

  /**
   * Searches names case-insensitively; {@code null} or blank means no search.
   *
   * @param value the text the name must contain
   * @return the narrowed query
   */
  public ProductQuery nameContains(String value) {
    return new ProductQuery(category, blankToNull(value), limit, cursor);
  }

  /**
   * Sets the page size.
   *
   * @param value 1 to {@value #MAX_LIMIT}
   * @return the query with that page size
   */
  public ProductQuery limit(int value) {
    return new ProductQuery(category, nameContains, value, cursor);
  }

  /**
   * Continues after a previous page.
   *
   * @param value that page's {@link ProductPage#nextCursor()}, or {@code null} for the first page
   * @return the query for the following page
   */
  public ProductQuery after(String value) {
    return new ProductQuery(category, nameContains, limit, blankToNull(value));
  }

  /** Checks every part, reporting all problems at once; returns the id to continue after. */
  long validatedAfterId() {
    Violations violations = new Violations();
    if (category != null) {
      Text.checked(violations, "category", category, NewProduct.MAX_CATEGORY_LENGTH);
    }
    if (nameContains != null) {
      Text.checked(violations, "q", nameContains, NewProduct.MAX_NAME_LENGTH);
    }
    violations.check(
        limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
    long afterId = 0;
    if (cursor != null) {
      afterId = parseCursor(cursor);
      violations.check(afterId > 0, "cursor", "is not a cursor this API returned");
    }
    violations.throwIfAny();
    return afterId;
  }

  private static long parseCursor(String cursor) {
    if (cursor.length() > 19 || !cursor.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(cursor);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
