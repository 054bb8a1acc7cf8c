package io.github.hybridshop.core.db;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The shop's PostgreSQL schema, created and upgraded by Flyway.
 *
 * <p>The migrations ship inside this jar under {@value #LOCATIONS} and keep their own history
 * table ({@value #HISTORY_TABLE}), so they never collide with an embedding application's own
 * Flyway setup. Migrating takes a PostgreSQL advisory lock: run it once per deploy (a deploy
 * step or the embedding app's start-up), not on every connection.
 */
public final class ShopSchema {

  /** The PostgreSQL schema holding every shop table. */
  public static final String SCHEMA = "shop";

  /** Where the migrations are on the classpath. */
  public static final String LOCATIONS = "classpath:db/shop";

  /** Flyway's history table for the shop's migrations. */
  public static final String HISTORY_TABLE = "shop_schema_history";

  private ShopSchema() {}

  /**
   * Brings the schema up to date; does nothing when it already is.
   *
   * @param dataSource a user that may create the {@value #SCHEMA} schema and its tables
   * @return how many migrations ran and the version reached
   */
  public static Migration migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(LOCATIONS)
            .schemas(SCHEMA)
            .table(HISTORY_TABLE)
            .failOnMissingLocations(true)
            .load()
            .migrate();
    return new Migration(result.migrationsExecuted, result.targetSchemaVersion);
  }

  /**
   * What one {@link #migrate(DataSource)} call did.
   *
   * @param applied migrations run by this call, 0 when already up to date
   * @param version the schema version now in place
   */
  public record Migration(int applied, String version) {}
}
