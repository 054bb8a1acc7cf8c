package io.github.hybridshop.gcp.api;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdTokenCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A Google-signed OIDC ID token of the service account the app runs as (on Cloud Run, from the
 * metadata server), for the API Gateway JWT authorizer that trusts it. The library caches the
 * token and refreshes it shortly before it expires.
 */
public final class GoogleIdTokenProvider implements TokenProvider {
  private final IdTokenCredentials credentials;

  private GoogleIdTokenProvider(IdTokenCredentials credentials) {
    this.credentials = credentials;
  }

  /**
   * Uses the application default credentials, which must be able to mint ID tokens (a service
   * account key or the Cloud Run/GCE metadata server; user credentials cannot).
   *
   * @param audience the token's {@code aud}, the value the authorizer expects ({@code SHOP_API_AUDIENCE})
   * @return the provider
   * @throws IllegalStateException when the default credentials cannot mint ID tokens
   */
  public static GoogleIdTokenProvider forAudience(String audience) {
    GoogleCredentials credentials;
    try {
      credentials = GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw new IllegalStateException(
          "SHOP_API_AUDIENCE is set but no Google application default credentials were found: "
              + "run on Cloud Run with a service account, or unset SHOP_API_AUDIENCE locally", e);
    }
    if (!(credentials instanceof IdTokenProvider provider)) {
      throw new IllegalStateException(
          "SHOP_API_AUDIENCE is set but the application default credentials ("
              + credentials.getClass().getSimpleName()
              + ") cannot mint ID tokens: use a service account");
    }
    return new GoogleIdTokenProvider(
        IdTokenCredentials.newBuilder()
            .setIdTokenProvider(provider)
            .setTargetAudience(audience)
            .setOptions(List.of(IdTokenProvider.Option.FORMAT_FULL))
            .build());
  }

  @Override
  public Optional<String> token() {
    try {
      credentials.refreshIfExpired();
      return Optional.of(credentials.getIdToken().getTokenValue());
    } catch (IOException e) {
      throw new UncheckedIOException("could not obtain a Google ID token for the shop API", e);
    }
  }
}
