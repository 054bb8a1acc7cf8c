package io.github.hybridshop.gcp.datastream;

/** Datastream refused or failed a provisioning call; the message says what to fix. */
public final class DatastreamSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and how to fix it
   * @param cause Datastream's error
   */
  public DatastreamSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
