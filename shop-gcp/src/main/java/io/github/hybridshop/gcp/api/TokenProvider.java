package io.github.hybridshop.gcp.api;

import java.util.Optional;

/**
 * Supplies the bearer token sent with API calls. Implementations refresh as needed and are
 * thread-safe.
 */
@FunctionalInterface
public interface TokenProvider {

  /**
   * Returns the token for the next call.
   *
   * @return the bearer token, or empty to send no {@code Authorization} header
   */
  Optional<String> token();

  /**
   * Sends no token: the local API needs none for shopper calls.
   *
   * @return a provider that never supplies a token
   */
  static TokenProvider none() {
    return Optional::empty;
  }

  /**
   * Sends the same token every time, such as the static admin bearer token.
   *
   * @param token the token; must not be blank
   * @return a provider of that token
   */
  static TokenProvider fixed(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a fixed bearer token must not be blank");
    }
    Optional<String> value = Optional.of(token);
    return () -> value;
  }
}
