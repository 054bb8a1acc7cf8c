package io.github.hybridshop.aws.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.hybridshop.aws.config.LambdaEnvironment;
import io.github.hybridshop.core.db.ShopSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Deploy-time step, invoked once per deploy (not on the request path): migrates the shop schema
 * with Flyway. Idempotent: a second run applies nothing. Returns a JSON-able report such as
 * {@code {"schema":{"applied":1,"version":"1"}}}.
 */
public final class MigrateHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final DataSource dataSource;

  /** For Lambda: connects with the execution environment's database settings. */
  public MigrateHandler() {
    this(LambdaEnvironment.get().freshConnections());
  }

  /**
   * Migrates a given database.
   *
   * @param dataSource a user that may create the shop schema
   */
  public MigrateHandler(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    ShopSchema.Migration migration = ShopSchema.migrate(dataSource);
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("applied", migration.applied());
    schema.put("version", migration.version());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("schema", schema);
    return report;
  }
}
