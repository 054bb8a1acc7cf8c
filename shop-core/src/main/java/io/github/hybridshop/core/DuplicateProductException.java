package io.github.hybridshop.core;

/** A product whose name is already taken in its category (names compare case-insensitively). */
public final class DuplicateProductException extends ShopException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param category the category
   * @param name the name already taken there
   */
  public DuplicateProductException(String category, String name) {
    super("A product named '" + name + "' already exists in category '" + category + "'");
  }
}
