package io.github.hybridshop.aws.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.hybridshop.aws.config.ConfigurationException;
import io.github.hybridshop.aws.config.Environment;
import io.github.hybridshop.aws.config.LambdaEnvironment;
import io.github.hybridshop.aws.config.SecretReader;
import io.github.hybridshop.core.db.ShopSchema;
import io.github.hybridshop.core.replication.ReplicationSettings;
import io.github.hybridshop.core.replication.ReplicationSetup;
import io.github.hybridshop.core.replication.SetupReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Deploy-time step, invoked once per deploy (never on the request path): migrates the shop
 * schema with Flyway, then prepares logical replication (publication over the shop tables,
 * {@code pgoutput} slot, least-privilege replication role) with shop-core's
 * {@link ReplicationSetup}. Idempotent: a second run applies and changes nothing. Returns a
 * JSON-able report:
 *
 * <pre>{@code
 * {"schema": {"applied": 1, "version": "1"},
 *  "replication": {"publication": "shop_publication", "slot": "shop_datastream_slot",
 *                  "user": "shop_replicator", "flavour": "RDS", "actions": [...], "notes": [...]}}
 * }</pre>
 *
 * <p>Settings: the database variables of the API handlers, plus {@code SHOP_REPLICATION_USER}
 * (default {@code shop_replicator}), {@code SHOP_REPLICATION_FLAVOUR} ({@code rds} or
 * {@code plain}, default {@code rds}) and {@code SHOP_REPLICATION_PASSWORD_SECRET_ARN} (the
 * role's password; without it the role is left alone).
 */
public final class MigrateHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final DataSource dataSource;
  private final ReplicationSettings replication;
  private final Supplier<String> replicationPassword;

  /** For Lambda: the execution environment's database settings and replication variables. */
  public MigrateHandler() {
    this(LambdaEnvironment.get());
  }

  private MigrateHandler(LambdaEnvironment environment) {
    this(
        environment.freshConnections(),
        replicationSettings(environment.env()),
        replicationPassword(environment.env(), environment.secrets()));
  }

  /**
   * Migrates and prepares a given database.
   *
   * @param dataSource the database as its owner (may create schemas, roles and slots)
   * @param replication names of the replication objects
   * @param replicationPassword gives the replication role's password; returning {@code null}
   *     leaves the role alone
   */
  public MigrateHandler(DataSource dataSource, ReplicationSettings replication, Supplier<String> replicationPassword) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.replication = Objects.requireNonNull(replication, "replication");
    this.replicationPassword = Objects.requireNonNull(replicationPassword, "replicationPassword");
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    ShopSchema.Migration migration = ShopSchema.migrate(dataSource);
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("applied", migration.applied());
    schema.put("version", migration.version());

    SetupReport setup = new ReplicationSetup(dataSource).prepare(replication, replicationPassword.get());
    Map<String, Object> replicationReport = new LinkedHashMap<>();
    replicationReport.put("publication", replication.publication());
    replicationReport.put("slot", replication.slot());
    replicationReport.put("user", replication.user());
    replicationReport.put("flavour", replication.flavour().name());
    replicationReport.put("actions", setup.actions());
    replicationReport.put("notes", setup.notes());

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("schema", schema);
    report.put("replication", replicationReport);
    return report;
  }

  static ReplicationSettings replicationSettings(Environment env) {
    ReplicationSettings settings = ReplicationSettings.defaults();
    String flavour = env.get("SHOP_REPLICATION_FLAVOUR").orElse("rds").toLowerCase(Locale.ROOT);
    if (!flavour.equals("rds") && !flavour.equals("plain")) {
      throw new ConfigurationException("SHOP_REPLICATION_FLAVOUR must be rds or plain");
    }
    try {
      return settings
          .withUser(env.get("SHOP_REPLICATION_USER").orElse(settings.user()))
          .withFlavour(flavour.equals("rds") ? ReplicationSettings.Flavour.RDS : ReplicationSettings.Flavour.PLAIN);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("SHOP_REPLICATION_USER must be a lower-case identifier ([a-z_][a-z0-9_]*)");
    }
  }

  static Supplier<String> replicationPassword(Environment env, SecretReader secrets) {
    return env.get("SHOP_REPLICATION_PASSWORD_SECRET_ARN")
        .<Supplier<String>>map(
            arn -> () -> ReplicationPassword.parse(secrets.read("SHOP_REPLICATION_PASSWORD_SECRET_ARN", arn)))
        .orElse(() -> null);
  }
}
