package io.github.hybridshop.core;

/**
 * A request the shop refused for a reason the caller can act on.
 *
 * <p>The set of reasons is closed, so callers can map every one of them (for example to an HTTP
 * status) and the compiler tells them when a new one appears. Unexpected faults, such as a lost
 * database connection, are not {@code ShopException}s: they surface as the underlying exception.
 */
public abstract sealed class ShopException extends RuntimeException
    permits ValidationException,
        ProductNotFoundException,
        OrderNotFoundException,
        InsufficientStockException,
        IdempotencyConflictException,
        DuplicateProductException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message a sentence for people; never contains SQL or stack details
   */
  protected ShopException(String message) {
    super(message, null, false, false);
  }
}
