package io.github.hybridshop.core;

/** An order id that does not exist. */
public final class OrderNotFoundException extends ShopException {
  private static final long serialVersionUID = 1L;

  /** The missing order's id. */
  private final long orderId;

  /**
   * Creates the exception.
   *
   * @param orderId the id that was not found
   */
  public OrderNotFoundException(long orderId) {
    super("Order " + orderId + " does not exist");
    this.orderId = orderId;
  }

  /**
   * Returns the id that was not found.
   *
   * @return the missing order id
   */
  public long orderId() {
    return orderId;
  }
}
