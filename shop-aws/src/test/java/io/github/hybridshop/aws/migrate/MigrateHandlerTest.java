package io.github.hybridshop.aws.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.hybridshop.aws.config.ConfigurationException;
import io.github.hybridshop.aws.config.Environment;
import io.github.hybridshop.core.replication.ReplicationSettings;
import io.github.hybridshop.core.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deploy step on an empty database of the real PostgreSQL server (wal_level=logical). */
class MigrateHandlerTest {

  @Test
  @SuppressWarnings("unchecked")
  void migratesAndPreparesReplicationOnceThenChangesNothing() throws Exception {
    PostgresServer server = PostgresServer.get();
    String name = "aws_migrate_" + ProcessHandle.current().pid();
    server.createDatabase(name);
    ReplicationSettings settings =
        ReplicationSettings.defaults()
            .withSlot("aws_migrate_test_slot")
            .withUser("aws_migrate_replicator")
            .withFlavour(ReplicationSettings.Flavour.PLAIN);
    try (HikariDataSource db = new HikariDataSource()) {
      db.setJdbcUrl(server.jdbcUrl(name));
      db.setUsername(server.user());
      db.setPassword(server.password());
      MigrateHandler handler = new MigrateHandler(db, settings, () -> "replicator-password-123");

      Map<String, Object> first = handler.handleRequest(Map.of(), null);
      Map<String, Object> second = handler.handleRequest(Map.of(), null);

      assertThat((Map<String, Object>) first.get("schema")).containsEntry("version", "1");
      assertThat((int) ((Map<String, Object>) first.get("schema")).get("applied")).isPositive();
      assertThat((List<String>) ((Map<String, Object>) first.get("replication")).get("actions")).isNotEmpty();
      assertThat((Map<String, Object>) second.get("schema")).containsEntry("applied", 0);
      assertThat((List<String>) ((Map<String, Object>) second.get("replication")).get("actions")).isEmpty();
      assertThat(((Map<String, Object>) second.get("replication")).get("slot")).isEqualTo("aws_migrate_test_slot");
      try (Connection c = db.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_publication WHERE pubname = 'shop_publication'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
        s.execute("SELECT pg_drop_replication_slot('aws_migrate_test_slot')");
      }
    }
  }

  @Test
  void replicationSettingsComeFromTheEnvironment() {
    ReplicationSettings settings =
        MigrateHandler.replicationSettings(
            new Environment(Map.of("SHOP_REPLICATION_USER", "copier", "SHOP_REPLICATION_FLAVOUR", "PLAIN")));

    assertThat(settings.user()).isEqualTo("copier");
    assertThat(settings.flavour()).isEqualTo(ReplicationSettings.Flavour.PLAIN);
    assertThat(settings.publication()).isEqualTo("shop_publication");
    assertThat(settings.slot()).isEqualTo("shop_datastream_slot");
    assertThat(MigrateHandler.replicationSettings(new Environment(Map.of())).flavour())
        .isEqualTo(ReplicationSettings.Flavour.RDS);
    assertThatThrownBy(() -> MigrateHandler.replicationSettings(new Environment(Map.of("SHOP_REPLICATION_FLAVOUR", "aurora"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("SHOP_REPLICATION_FLAVOUR");
    assertThatThrownBy(() -> MigrateHandler.replicationSettings(new Environment(Map.of("SHOP_REPLICATION_USER", "Bad-Name"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("SHOP_REPLICATION_USER");
  }

  @Test
  void replicationPasswordIsReadFromItsSecretOnlyWhenAsked() {
    Environment env = new Environment(Map.of("SHOP_REPLICATION_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:r"));

    assertThat(MigrateHandler.replicationPassword(env, (variable, arn) -> "{\"password\":\"a-long-password\"}").get())
        .isEqualTo("a-long-password");
    assertThat(MigrateHandler.replicationPassword(env, (variable, arn) -> "plain-long-password").get())
        .isEqualTo("plain-long-password");
    assertThatThrownBy(() -> MigrateHandler.replicationPassword(env, (variable, arn) -> "{\"pw\":1}").get())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("SHOP_REPLICATION_PASSWORD_SECRET_ARN");
    assertThat(MigrateHandler.replicationPassword(new Environment(Map.of()), (variable, arn) -> {
      throw new AssertionError("no secret configured, none read");
    }).get()).isNull();
  }
}
