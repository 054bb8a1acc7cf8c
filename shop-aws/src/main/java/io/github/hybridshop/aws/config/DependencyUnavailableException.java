package io.github.hybridshop.aws.config;

/** A cloud dependency (such as Secrets Manager) that did not answer; retrying later can succeed. */
public final class DependencyUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was unavailable
   * @param cause the client's failure
   */
  public DependencyUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
