package io.github.hybridshop.core;

/** An idempotency key that was already used for a different order request. */
public final class IdempotencyConflictException extends ShopException {
  private static final long serialVersionUID = 1L;

  /** The reused key. */
  private final String idempotencyKey;

  /**
   * Creates the exception.
   *
   * @param idempotencyKey the key that was reused with another body
   */
  public IdempotencyConflictException(String idempotencyKey) {
    super("Idempotency key was already used for a different order; use a new key for a new order");
    this.idempotencyKey = idempotencyKey;
  }

  /**
   * Returns the reused key.
   *
   * @return the idempotency key
   */
  public String idempotencyKey() {
    return idempotencyKey;
  }
}
