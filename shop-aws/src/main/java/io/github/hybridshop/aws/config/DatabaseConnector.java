package io.github.hybridshop.aws.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.api.ProblemException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Opens a new PostgreSQL connection on every {@link #getConnection()} (no pool: wrap it in
 * {@link SingleConnectionDataSource}, or hand it to a deploy step such as Flyway). Credentials
 * from Secrets Manager are fetched once and fetched again only when the database rejects them,
 * which is what happens after the secret rotates.
 */
public final class DatabaseConnector extends BasicDataSource {
  private static final String BAD_PASSWORD = "28P01";

  // The driver itself rather than DriverManager, whose first use scans every jar in lib/ for
  // java.sql.Driver services: milliseconds of a cold start, for a URL that is PostgreSQL anyway.
  private static final Driver DRIVER = new org.postgresql.Driver();

  private final DatabaseSettings settings;
  private final SecretReader secrets;
  private Credentials credentials;

  /**
   * Creates the connector.
   *
   * @param settings where and how to connect
   * @param secrets reads {@code SHOP_DB_SECRET_ARN} when set
   */
  public DatabaseConnector(DatabaseSettings settings, SecretReader secrets) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return open(credentials(false));
    } catch (SQLException e) {
      if (settings.secretArn() != null && BAD_PASSWORD.equals(e.getSQLState())) {
        return open(credentials(true));
      }
      throw e;
    }
  }

  private Connection open(Credentials login) throws SQLException {
    Properties properties = new Properties();
    if (login.user() != null) {
      properties.setProperty("user", login.user());
    }
    if (login.password() != null) {
      properties.setProperty("password", login.password());
    }
    // Fail fast while the database is down (the API answers 503), never hang a request for long.
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("socketTimeout", "30");
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("ApplicationName", "hybrid-shop");
    // Never null: the driver answers null only for URLs not starting with jdbc:postgresql:, which
    // DatabaseSettings rejects; a URL it cannot parse fails here as it did through DriverManager.
    return DRIVER.connect(settings.jdbcUrl(), properties);
  }

  private synchronized Credentials credentials(boolean refresh) {
    if (settings.secretArn() == null) {
      return new Credentials(settings.user(), settings.password());
    }
    if (credentials == null || refresh) {
      credentials = parse(secrets.read("SHOP_DB_SECRET_ARN", settings.secretArn()));
    }
    return credentials;
  }

  private static Credentials parse(String secret) {
    try {
      JsonNode json = JsonCodec.readTree(secret);
      if (json != null && json.path("username").isTextual() && json.path("password").isTextual()) {
        return new Credentials(json.get("username").textValue(), json.get("password").textValue());
      }
    } catch (ProblemException e) {
      // reported below, without echoing the secret
    }
    throw new ConfigurationException(
        "SHOP_DB_SECRET_ARN must name a secret holding JSON with \"username\" and \"password\" (the RDS-managed format)");
  }

  private record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[" + user + "]";
    }
  }
}
