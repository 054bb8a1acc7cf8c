package io.github.hybridshop.core;

/** A product id that does not exist. */
public final class ProductNotFoundException extends ShopException {
  private static final long serialVersionUID = 1L;

  /** The missing product's id. */
  private final long productId;

  /**
   * Creates the exception.
   *
   * @param productId the id that was not found
   */
  public ProductNotFoundException(long productId) {
    super("Product " + productId + " does not exist");
    this.productId = productId;
  }

  /**
   * Returns the id that was not found.
   *
   * @return the missing product id
   */
  public long productId() {
    return productId;
  }
}
