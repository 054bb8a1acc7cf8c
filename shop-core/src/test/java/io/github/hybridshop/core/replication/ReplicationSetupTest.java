package io.github.hybridshop.core.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.core.replication.ReplicationSettings.Flavour;
import io.github.hybridshop.core.replication.SlotHealth.Verdict;
import io.github.hybridshop.core.testing.ShopDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

/** Runs against a database of its own: slots and roles are real and outlive single tests. */
class ReplicationSetupTest {
  private static ShopDatabase db;
  private static int counter;
  private ReplicationSettings settings;

  @BeforeAll
  static void database() {
    db = ShopDatabase.create();
  }

  @AfterAll
  static void closeDatabase() {
    db.close();
  }

  @AfterEach
  void dropSlot() {
    if (settings != null) {
      new ReplicationSetup(db.dataSource()).dropSlot(settings.slot());
    }
  }

  private ReplicationSettings fresh() {
    counter++;
    settings =
        new ReplicationSettings(
            "test_pub_" + counter, "test_slot_" + ProcessHandle.current().pid() + "_" + counter, "test_replicator_" + counter, Flavour.PLAIN);
    return settings;
  }

  @Test
  void preparesEverythingOnceAndChangesNothingTheSecondTime() {
    ReplicationSetup setup = new ReplicationSetup(db.dataSource());
    ReplicationSettings s = fresh();

    SetupReport first = setup.prepare(s, "s3cret-'quoted\"");
    SetupReport second = setup.prepare(s, "s3cret-'quoted\"");

    assertThat(first.actions()).hasSize(11).anyMatch(a -> a.startsWith("created publication"));
    assertThat(second.changedSomething()).isFalse();
    assertThat(second.notes()).contains("wal_level is logical");
    List<String> tables =
        strings("SELECT tablename FROM pg_publication_tables WHERE pubname = :v ORDER BY 1", s.publication());
    assertThat(tables)
        .containsExactly("order_lines", "orders", "products", "replication_heartbeat", "stock_movements");
    assertThat(strings("SELECT plugin FROM pg_replication_slots WHERE slot_name = :v", s.slot()))
        .containsExactly("pgoutput");
    assertThat(strings("SELECT (rolreplication AND rolcanlogin AND NOT rolsuper)::text FROM pg_roles WHERE rolname = :v", s.user()))
        .containsExactly("true");
  }

  @Test
  void theReplicationRoleCanReadButNotWrite() throws Exception {
    ReplicationSettings s = fresh();
    new ReplicationSetup(db.dataSource()).prepare(s, "pw-" + counter);
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), s.user(), "pw-" + counter)) {
      Jdbi asReplicator = Jdbi.create(c);
      long products = asReplicator.withHandle(h -> h.createQuery("SELECT count(*) FROM shop.products").mapTo(Long.class).one());
      assertThat(products).isGreaterThanOrEqualTo(0);
      assertThatThrownBy(() -> asReplicator.useHandle(h -> h.execute("DELETE FROM shop.products")))
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void repairsAPublicationThatListsOtherTables() {
    ReplicationSetup setup = new ReplicationSetup(db.dataSource());
    ReplicationSettings s = fresh();
    db.jdbi().useHandle(h -> h.execute("CREATE PUBLICATION " + s.publication() + " FOR TABLE shop.products"));
    SetupReport report = setup.prepare(s, null);
    assertThat(report.actions()).anyMatch(a -> a.startsWith("set publication " + s.publication()));
    assertThat(setup.prepare(s, null).changedSomething()).isFalse();
  }

  @Test
  void rdsFlavourNeedsTheRdsReplicationRole() {
    ReplicationSettings s = fresh().withFlavour(Flavour.RDS);
    settings = s;
    assertThatThrownBy(() -> new ReplicationSetup(db.dataSource()).prepare(s, "pw"))
        .hasMessageContaining("rds_replication");
  }

  @Test
  void rejectsNamesThatAreNotPlainIdentifiers() {
    assertThatThrownBy(() -> ReplicationSettings.defaults().withSlot("x; DROP TABLE shop.orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slot");
    assertThat(ReplicationSettings.defaults().slot()).isEqualTo("shop_datastream_slot");
  }

  @Test
  void slotVerdictIsOkWhileAConsumerReadsAndDegradesWhenItStops() throws Exception {
    ReplicationSettings s = fresh();
    new ReplicationSetup(db.dataSource()).prepare(s, null);
    SlotHealthCheck health = new SlotHealthCheck(db.dataSource());

    assertThat(health.check(s.slot())).hasValueSatisfying(h -> assertThat(h.verdict()).isEqualTo(Verdict.WARN));

    Properties props = new Properties();
    PGProperty.USER.set(props, db.user());
    PGProperty.PASSWORD.set(props, db.password());
    PGProperty.REPLICATION.set(props, "database");
    PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "10");
    PGProperty.PREFER_QUERY_MODE.set(props, "simple");
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), props)) {
      PGReplicationStream stream =
          c.unwrap(PGConnection.class)
              .getReplicationAPI()
              .replicationStream()
              .logical()
              .withSlotName(s.slot())
              .withSlotOption("proto_version", "1")
              .withSlotOption("publication_names", s.publication())
              .start();
      assertThat(waitForVerdict(health, s.slot(), Verdict.OK).active()).isTrue();
      stream.close();
    }
    SlotHealth stopped = waitForVerdict(health, s.slot(), Verdict.WARN);
    assertThat(stopped.active()).isFalse();
    assertThat(stopped.detail()).contains("no consumer");
  }

  @Test
  void retainedWalPastTheLimitsIsWarnThenCritical() {
    ReplicationSettings s = fresh();
    new ReplicationSetup(db.dataSource()).prepare(s, null);
    db.jdbi().useHandle(h -> h.execute("SELECT pg_switch_wal()"));
    db.jdbi().useHandle(h -> h.execute("CREATE TABLE wal_filler AS SELECT g, repeat('x', 200) AS t FROM generate_series(1, 20000) g"));
    db.jdbi().useHandle(h -> h.execute("DROP TABLE wal_filler"));

    SlotHealth h1 = new SlotHealthCheck(db.dataSource(), 1024, 1L << 40).check(s.slot()).orElseThrow();
    SlotHealth h2 = new SlotHealthCheck(db.dataSource(), 512, 1024).check(s.slot()).orElseThrow();

    assertThat(h1.retainedWalBytes()).isGreaterThan(1024);
    assertThat(h1.verdict()).isEqualTo(Verdict.WARN);
    assertThat(h2.verdict()).isEqualTo(Verdict.CRITICAL);
  }

  @Test
  void heartbeatTouchesTheHeartbeatRowUntilClosed() throws Exception {
    Heartbeat heartbeat = new Heartbeat(db.dataSource());
    assertThat(heartbeat.beat()).isEqualTo(1);
    Instant before = beatAt();
    try (Heartbeat running = new Heartbeat(db.dataSource()).start(Duration.ofSeconds(1))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!beatAt().isAfter(before) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(beatAt()).isAfter(before);
      assertThatThrownBy(() -> running.start(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(() -> heartbeat.start(Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> strings(String sql, String value) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).bind("v", value).mapTo(String.class).list());
  }

  private static Instant beatAt() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT beat_at FROM shop.replication_heartbeat").mapTo(OffsetDateTime.class).one()).toInstant();
  }

  private static SlotHealth waitForVerdict(SlotHealthCheck health, String slot, Verdict wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    SlotHealth last = health.check(slot).orElseThrow();
    while (last.verdict() != wanted && System.nanoTime() < deadline) {
      Thread.sleep(50);
      last = health.check(slot).orElseThrow();
    }
    assertThat(last.verdict()).as(last.detail()).isEqualTo(wanted);
    return last;
  }
}
