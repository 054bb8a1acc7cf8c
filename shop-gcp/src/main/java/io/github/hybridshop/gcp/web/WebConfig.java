package io.github.hybridshop.gcp.web;

import io.github.hybridshop.gcp.web.security.CookieSigner;
import io.github.hybridshop.gcp.web.security.PasswordHash;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * The web app's settings, read from the environment on Cloud Run ({@link #fromEnv(Map)}, which
 * listens on every interface) or built in-process by the local stack.
 *
 * @param host the address to listen on: {@code 0.0.0.0} on Cloud Run, {@code 127.0.0.1} for the
 *     local stack and tests
 * @param port HTTP port ({@code PORT}, default 8080; 0 picks a free one)
 * @param apiUrl base URL of the shop API ({@code SHOP_API_URL}, required)
 * @param apiAudience audience of the Google ID token sent to the API ({@code SHOP_API_AUDIENCE});
 *     {@code null} sends no token (local)
 * @param cookieSecret HMAC key for the signed cookies ({@code SHOP_COOKIE_SECRET}, required, at
 *     least 32 bytes)
 * @param adminPasswordHash the admin password's hash ({@code SHOP_ADMIN_PASSWORD_HASH});
 *     {@code null} disables admin sign-in
 * @param adminApiToken static bearer token for admin API calls ({@code SHOP_ADMIN_API_TOKEN});
 *     {@code null} sends the shopper token (on Cloud Run the API's JWT authorizer trusts the
 *     service account's ID token for admin calls too)
 * @param currency the shop currency ({@code SHOP_CURRENCY}, required)
 * @param analyticsOpen {@code true} shows the analytics dashboard without signing in (local stack
 *     only; never from the environment)
 */
public record WebConfig(
    String host,
    int port,
    URI apiUrl,
    String apiAudience,
    byte[] cookieSecret,
    PasswordHash adminPasswordHash,
    String adminApiToken,
    Currency currency,
    boolean analyticsOpen) {

  /**
   * Checks the settings.
   *
   * @param host see the record description
   * @param port see the record description
   * @param apiUrl see the record description
   * @param apiAudience see the record description
   * @param cookieSecret see the record description
   * @param adminPasswordHash see the record description
   * @param adminApiToken see the record description
   * @param currency see the record description
   * @param analyticsOpen see the record description
   */
  public WebConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(cookieSecret, "cookieSecret");
    Objects.requireNonNull(currency, "currency");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535");
    }
    if (cookieSecret.length < CookieSigner.MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the cookie secret must be at least 32 bytes");
    }
    cookieSecret = cookieSecret.clone();
  }

  /**
   * Returns a copy of the cookie secret.
   *
   * @return the secret's bytes
   */
  @Override
  public byte[] cookieSecret() {
    return cookieSecret.clone();
  }

  /** Never prints secrets. */
  @Override
  public String toString() {
    return "WebConfig[host=" + host + ", port=" + port + ", apiUrl=" + apiUrl + ", apiAudience=" + apiAudience
        + ", currency=" + currency + ", adminSignIn=" + (adminPasswordHash != null)
        + ", adminApiToken=" + (adminApiToken != null ? "set" : "unset") + ", analyticsOpen=" + analyticsOpen + "]";
  }

  /**
   * Settings for the local stack: loopback only, a fresh random cookie secret (sessions end
   * when the process stops), no ID token, and the analytics dashboard open without signing in.
   *
   * @param port the port, 0 for any free one
   * @param apiUrl the local API's base URL
   * @param adminPasswordHash the admin password's hash
   * @param adminApiToken the local API's admin bearer token
   * @param currency the shop currency
   * @return the settings
   */
  public static WebConfig local(
      int port, URI apiUrl, PasswordHash adminPasswordHash, String adminApiToken, Currency currency) {
    byte[] secret = new byte[48];
    new java.security.SecureRandom().nextBytes(secret);
    return new WebConfig("127.0.0.1", port, apiUrl, null, secret, adminPasswordHash, adminApiToken, currency, true);
  }

  /**
   * Reads the settings from environment variables.
   *
   * @param env the environment, such as {@code System.getenv()}
   * @return the settings
   * @throws ConfigException naming the first missing or malformed variable and how to fix it
   */
  public static WebConfig fromEnv(Map<String, String> env) {
    int port = port(env);
    URI apiUrl = apiUrl(required(env, "SHOP_API_URL", "the shop API's base URL, such as http://127.0.0.1:9000"));
    String secret = required(env, "SHOP_COOKIE_SECRET", "at least 32 random bytes, e.g. from `openssl rand -base64 48`");
    byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
    if (secretBytes.length < CookieSigner.MIN_SECRET_BYTES) {
      throw new ConfigException(
          "SHOP_COOKIE_SECRET is too short (" + secretBytes.length + " bytes): use at least 32, e.g. `openssl rand -base64 48`");
    }
    PasswordHash hash = null;
    String hashText = optional(env, "SHOP_ADMIN_PASSWORD_HASH");
    if (hashText != null) {
      try {
        hash = PasswordHash.parse(hashText);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("SHOP_ADMIN_PASSWORD_HASH is malformed: " + e.getMessage());
      }
    }
    Currency currency;
    String code = required(env, "SHOP_CURRENCY", "the ISO-4217 code the API uses, such as EUR");
    try {
      currency = Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("SHOP_CURRENCY '" + code + "' is not an ISO-4217 code such as EUR or USD");
    }
    return new WebConfig(
        "0.0.0.0", port, apiUrl, optional(env, "SHOP_API_AUDIENCE"), secretBytes, hash,
        optional(env, "SHOP_ADMIN_API_TOKEN"), currency, false);
  }

  private static int port(Map<String, String> env) {
    String text = optional(env, "PORT");
    if (text == null) {
      return 8080;
    }
    try {
      int port = Integer.parseInt(text.strip());
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException("PORT '" + text + "' is not a port number (0-65535)");
  }

  private static URI apiUrl(String text) {
    try {
      URI uri = URI.create(text.strip());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new ConfigException("SHOP_API_URL '" + text + "' is not an http(s) URL such as http://127.0.0.1:9000");
  }

  private static String required(Map<String, String> env, String name, String hint) {
    String value = optional(env, name);
    if (value == null) {
      throw new ConfigException(name + " is not set: set it to " + hint);
    }
    return value;
  }

  private static String optional(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** A missing or malformed setting; the message is one line naming the variable. */
  public static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
      super(message);
    }
  }
}
