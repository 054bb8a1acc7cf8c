package io.github.hybridshop.gcp.analytics;

/** A report could not be run; the message names the report and what the store said. */
public final class WarehouseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and what to do about it
   * @param cause the store's error
   */
  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }
}
