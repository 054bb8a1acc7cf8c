package io.github.hybridshop.aws.config;

import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import java.util.Objects;
import javax.sql.DataSource;
import org.crac.Core;

/**
 * What one Lambda execution environment shares between invocations: the settings (read from the
 * environment once, failing fast with a message naming the variable) and, created on first use,
 * the single database connection and the {@link Shop} on it.
 *
 * <p>On SnapStart, {@link SnapStartPriming} warms the stack before the snapshot and the
 * connection is closed; it reopens on the first request after restore. Both hooks are registered
 * with CRaC only when Lambda initialises the environment for a snapshot
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}): an on-demand cold start never checkpoints
 * and so skips loading and probing the CRaC runtime.
 *
 * <p>Handlers' no-argument constructors, which Lambda calls, use {@link #get()}; tests and the
 * local server construct handlers with their dependencies instead.
 */
public final class LambdaEnvironment {
  private static LambdaEnvironment current;

  private final Environment env;
  private final SecretReader secrets;
  private final DatabaseSettings database;
  private final ShopConfig shopConfig;
  private final boolean snapStart;
  private SingleConnectionDataSource connection;
  private Shop shop;
  private SnapStartPriming priming;

  /**
   * Reads the settings; connects nothing yet.
   *
   * @param env the environment variables
   * @param secrets reads Secrets Manager secrets named by the settings
   * @throws ConfigurationException naming the first missing or malformed variable
   */
  public LambdaEnvironment(Environment env, SecretReader secrets) {
    this.env = Objects.requireNonNull(env, "env");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.database = DatabaseSettings.from(env);
    this.shopConfig = shopConfig(env);
    this.snapStart = "snap-start".equals(env.get("AWS_LAMBDA_INITIALIZATION_TYPE").orElse(null));
  }

  /**
   * Returns this execution environment's instance, reading {@link System#getenv()} on first call.
   *
   * @return the shared instance
   * @throws ConfigurationException naming the first missing or malformed variable
   */
  public static synchronized LambdaEnvironment get() {
    if (current == null) {
      current = new LambdaEnvironment(Environment.system(), LazySecrets::read);
      if (current.snapStart) {
        current.priming = new SnapStartPriming(current);
        // The global CRaC context holds resources weakly: the field keeps this one reachable.
        Core.getGlobalContext().register(current.priming);
      }
    }
    return current;
  }

  /**
   * Returns the shop on this environment's one connection, creating both on first call.
   *
   * @return the shop
   */
  public synchronized Shop shop() {
    if (shop == null) {
      shop = Shop.connect(connection(), shopConfig);
    }
    return shop;
  }

  /**
   * Returns this environment's one connection, which the {@link #shop()} uses too; it opens on
   * first use and reopens by itself after a database restart.
   *
   * @return the single-connection data source
   */
  public synchronized DataSource connection() {
    if (connection == null) {
      connection = new SingleConnectionDataSource(new DatabaseConnector(database, secrets));
      if (snapStart) {
        Core.getGlobalContext().register(connection);
      }
    }
    return connection;
  }

  /** Closes the connection, if one is open; the next request opens a new one. */
  public synchronized void closeConnection() {
    if (connection != null) {
      connection.close();
    }
  }

  /**
   * Tells whether this environment registers its snapshot hooks with CRaC.
   *
   * @return {@code true} when Lambda initialises it for a SnapStart snapshot
   */
  boolean snapStart() {
    return snapStart;
  }

  /**
   * Returns a data source that opens a new connection per call, for deploy steps (migrations)
   * that may need more than one connection at a time.
   *
   * @return the unpooled data source
   */
  public DataSource freshConnections() {
    return new DatabaseConnector(database, secrets);
  }

  /**
   * Returns the environment variables.
   *
   * @return the variables this instance was created with
   */
  public Environment env() {
    return env;
  }

  /**
   * Returns the secret reader.
   *
   * @return the reader for secrets the settings name
   */
  public SecretReader secrets() {
    return secrets;
  }

  /** Loads the AWS SDK only when a secret is read, which keeps it off the cold path otherwise. */
  private static final class LazySecrets {
    private static final SecretsManagerReader READER = new SecretsManagerReader();

    static String read(String variable, String arn) {
      return READER.read(variable, arn);
    }
  }

  private static ShopConfig shopConfig(Environment env) {
    String code = env.get("SHOP_CURRENCY").orElse("EUR");
    try {
      return ShopConfig.of(code);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("SHOP_CURRENCY must be an ISO-4217 code with at most 2 decimals, such as EUR");
    }
  }
}
