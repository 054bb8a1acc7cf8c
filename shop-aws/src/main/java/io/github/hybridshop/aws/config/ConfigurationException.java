package io.github.hybridshop.aws.config;

/**
 * A missing or malformed setting. The message is one line that names the environment variable
 * and how to fix it; there is no stack trace, because the fix is in the configuration.
 */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the variable
   */
  public ConfigurationException(String message) {
    super(message, null, false, false);
  }
}
