package io.github.hybridshop.aws.config;

/** Reads a secret's string value by ARN; the cloud boundary that tests replace. */
@FunctionalInterface
public interface SecretReader {
  /**
   * Reads a secret.
   *
   * @param variable the environment variable that named the secret, for error messages
   * @param arn the secret's ARN
   * @return the secret string
   * @throws ConfigurationException when the secret does not exist or may not be read
   * @throws DependencyUnavailableException when the secret store does not answer
   */
  String read(String variable, String arn);
}
