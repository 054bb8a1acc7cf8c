package io.github.hybridshop.aws.heartbeat;

/**
 * A beat that was not written. It carries no stack trace and no cause: the message says what
 * happened and what to do, and the Lambda runtime then logs one line per failed minute instead of
 * a stack trace each time.
 */
public final class HeartbeatFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   */
  public HeartbeatFailedException(String message) {
    super(message, null, false, false);
  }
}
