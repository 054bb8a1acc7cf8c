package io.github.hybridshop.aws.config;

import java.net.URI;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads secrets from AWS Secrets Manager with the JDK's HTTP client. The SDK client is built on
 * first use, so handlers that never read a secret never load the SDK.
 */
public final class SecretsManagerReader implements SecretReader {
  private final URI endpoint;
  private SecretsManagerClient client;

  /** Uses the region and credentials of the Lambda execution environment. */
  public SecretsManagerReader() {
    this(null);
  }

  /**
   * Uses another endpoint, such as a local fake speaking the Secrets Manager protocol.
   *
   * @param endpoint the endpoint, or {@code null} for the regional default
   */
  public SecretsManagerReader(URI endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public String read(String variable, String arn) {
    try {
      String value = client().getSecretValue(request -> request.secretId(arn)).secretString();
      if (value == null) {
        throw new ConfigurationException(variable + " names a binary secret; store the value as a secret string");
      }
      return value;
    } catch (SecretsManagerException e) {
      if (e.statusCode() >= 500) {
        throw new DependencyUnavailableException("Secrets Manager failed reading " + variable, e);
      }
      throw new ConfigurationException(
          variable + " secret could not be read (HTTP " + e.statusCode()
              + "): check the ARN and the function's secretsmanager:GetSecretValue permission");
    } catch (SdkClientException e) {
      throw new DependencyUnavailableException("Secrets Manager unreachable reading " + variable, e);
    } catch (SdkException e) {
      throw new DependencyUnavailableException("Secrets Manager failed reading " + variable, e);
    }
  }

  private synchronized SecretsManagerClient client() {
    if (client == null) {
      SecretsManagerClientBuilder builder =
          SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create());
      if (endpoint != null) {
        builder.endpointOverride(endpoint);
      }
      client = builder.build();
    }
    return client;
  }
}
