package io.github.hybridshop.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hybridshop.core.testing.ShopDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SnapStart hook warms the stack, then leaves no connection open in the snapshot. */
class SnapStartPrimingTest {

  @Test
  void primesThenClosesTheConnection() {
    ShopDatabase db = ShopDatabase.create();
    try {
      LambdaEnvironment environment = new LambdaEnvironment(
          new Environment(Map.of("SHOP_DB_URL", db.jdbcUrl(), "DB_USER", db.user(), "DB_PASSWORD", db.password())),
          (variable, arn) -> null);
      environment.shop().isDatabaseReachable();
      assertThat(openConnections(db)).isEqualTo(1);

      new SnapStartPriming(environment).beforeCheckpoint(null);

      assertThat(openConnections(db)).isZero();
      assertThat(environment.shop().isDatabaseReachable()).isTrue();
      environment.closeConnection();
    } finally {
      db.close();
    }
  }

  @Test
  void anUnreachableDatabaseDoesNotFailTheCheckpoint() {
    LambdaEnvironment environment = new LambdaEnvironment(
        new Environment(Map.of("SHOP_DB_URL", "jdbc:postgresql://127.0.0.1:1/none", "DB_USER", "u", "DB_PASSWORD", "p")),
        (variable, arn) -> null);

    new SnapStartPriming(environment).beforeCheckpoint(null);

    assertThat(environment.shop().isDatabaseReachable()).isFalse();
  }

  private static int openConnections(ShopDatabase db) {
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = :db AND application_name = 'hybrid-shop'")
        .bind("db", db.databaseName()).mapTo(Integer.class).one());
  }
}
