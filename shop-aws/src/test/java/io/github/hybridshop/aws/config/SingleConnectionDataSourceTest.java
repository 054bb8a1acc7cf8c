package io.github.hybridshop.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hybridshop.core.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-execution-environment connection on real PostgreSQL. */
class SingleConnectionDataSourceTest {
  SingleConnectionDataSource dataSource;
  DatabaseConnector connector;

  @BeforeEach
  void setUp() throws SQLException {
    PostgresServer server = PostgresServer.get();
    connector =
        new DatabaseConnector(
            DatabaseSettings.from(
                new Environment(
                    Map.of(
                        "SHOP_DB_URL", server.jdbcUrl(server.defaultDatabase()),
                        "DB_USER", server.user(),
                        "DB_PASSWORD", server.password()))),
            (variable, arn) -> {
              throw new AssertionError("no secret configured");
            });
    dataSource = new SingleConnectionDataSource(connector);
    try (Connection c = connector.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS single_connection_probe (n int)");
      s.execute("TRUNCATE single_connection_probe");
    }
  }

  @AfterEach
  void tearDown() {
    dataSource.close();
  }

  @Test
  void lendsTheSameConnectionEveryTime() throws SQLException {
    assertThat(backendPid()).isEqualTo(backendPid());
  }

  @Test
  void replacesAConnectionTheServerKilled() throws SQLException {
    int before = backendPid();
    try (Connection admin = connector.getConnection(); Statement s = admin.createStatement()) {
      s.execute("SELECT pg_terminate_backend(" + before + ")");
    }

    int after = backendPid();

    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void rollsBackWhatABorrowerLeftOpen() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("INSERT INTO single_connection_probe VALUES (1)");
    }

    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM single_connection_probe")) {
      assertThat(c.getAutoCommit()).isTrue();
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void checkpointClosesTheConnectionAndTheNextBorrowReconnects() throws SQLException {
    int before = backendPid();

    dataSource.beforeCheckpoint(null);
    dataSource.afterRestore(null);

    assertThat(backendPid()).isNotEqualTo(before);
  }

  @Test
  void concurrentBorrowersTakeTurns() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> pids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        pids.add(pool.submit(this::backendPid));
      }
      int first = pids.get(0).get();
      for (Future<Integer> pid : pids) {
        assertThat(pid.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aGivenBackConnectionCannotBeUsed() throws SQLException {
    Connection lent = dataSource.getConnection();
    lent.close();

    assertThat(lent.isClosed()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(lent::createStatement).isInstanceOf(SQLException.class);
  }

  private int backendPid() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
