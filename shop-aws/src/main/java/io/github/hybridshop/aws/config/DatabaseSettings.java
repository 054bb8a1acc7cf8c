package io.github.hybridshop.aws.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the database is and how to log in, from the environment:
 *
 * <ul>
 *   <li>{@code SHOP_DB_URL}: a full {@code jdbc:postgresql://} URL; or
 *   <li>{@code DB_HOST}, {@code DB_PORT} (5432), {@code DB_NAME} ({@code shop}),
 *       {@code DB_SSLMODE} ({@code verify-full}, or {@code prefer} for a loopback host) and
 *       optionally {@code DB_SSLROOTCERT} (a PEM bundle; without it the JVM trust store is used,
 *       which trusts RDS Proxy's certificates);
 *   <li>credentials from {@code SHOP_DB_SECRET_ARN} (an RDS-managed secret, JSON with
 *       {@code username} and {@code password}), else {@code DB_USER} and {@code DB_PASSWORD}.
 * </ul>
 *
 * @param jdbcUrl the JDBC URL, without credentials
 * @param user the user name, or {@code null} when it comes from the secret or the URL
 * @param password the password, or {@code null} when it comes from the secret or the URL
 * @param secretArn the credentials secret, or {@code null}
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, String secretArn) {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:-]{1,253}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");
  private static final Set<String> SSL_MODES =
      Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

  /**
   * Hides the password.
   *
   * @return the settings without secrets
   */
  @Override
  public String toString() {
    return "DatabaseSettings[" + jdbcUrl + ", user=" + user + ", secretArn=" + secretArn + "]";
  }

  /**
   * Reads the settings.
   *
   * @param env the environment
   * @return the settings
   * @throws ConfigurationException naming the first missing or malformed variable
   */
  public static DatabaseSettings from(Environment env) {
    String secretArn = env.get("SHOP_DB_SECRET_ARN").orElse(null);
    if (secretArn != null && !secretArn.startsWith("arn:")) {
      throw new ConfigurationException("SHOP_DB_SECRET_ARN must be a secret ARN (arn:aws:secretsmanager:...)");
    }
    String url = env.get("SHOP_DB_URL").orElse(null);
    if (url != null) {
      if (!url.startsWith("jdbc:postgresql://")) {
        throw new ConfigurationException("SHOP_DB_URL must start with jdbc:postgresql://");
      }
      return new DatabaseSettings(
          url, env.get("DB_USER").orElse(null), env.get("DB_PASSWORD").orElse(null), secretArn);
    }
    String host =
        env.require(
            "DB_HOST", "set SHOP_DB_URL, or DB_HOST (with DB_PORT, DB_NAME, DB_SSLMODE) and credentials");
    if (!HOST.matcher(host).matches()) {
      throw new ConfigurationException("DB_HOST must be a host name or IP address, got an invalid value");
    }
    int port = port(env.get("DB_PORT").orElse("5432"));
    String name = env.get("DB_NAME").orElse("shop");
    if (!NAME.matcher(name).matches()) {
      throw new ConfigurationException("DB_NAME must be a plain database name (letters, digits, _ or -)");
    }
    String sslMode = env.get("DB_SSLMODE").orElse(LOOPBACK.contains(host) ? "prefer" : "verify-full");
    if (!SSL_MODES.contains(sslMode)) {
      throw new ConfigurationException("DB_SSLMODE must be one of " + String.join(", ", SSL_MODES.stream().sorted().toList()));
    }
    StringBuilder jdbc =
        new StringBuilder("jdbc:postgresql://")
            .append(host.contains(":") ? "[" + host + "]" : host)
            .append(':')
            .append(port)
            .append('/')
            .append(name)
            .append("?sslmode=")
            .append(sslMode);
    if (sslMode.startsWith("verify")) {
      String rootCert = env.get("DB_SSLROOTCERT").orElse(null);
      if (rootCert == null) {
        jdbc.append("&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
      } else {
        jdbc.append("&sslrootcert=").append(URLEncoder.encode(rootCert, StandardCharsets.UTF_8));
      }
    }
    if (secretArn != null) {
      return new DatabaseSettings(jdbc.toString(), null, null, secretArn);
    }
    String hint = "set SHOP_DB_SECRET_ARN, or DB_USER and DB_PASSWORD";
    return new DatabaseSettings(jdbc.toString(), env.require("DB_USER", hint), env.require("DB_PASSWORD", hint), null);
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException("DB_PORT must be a port number between 1 and 65535");
  }
}
