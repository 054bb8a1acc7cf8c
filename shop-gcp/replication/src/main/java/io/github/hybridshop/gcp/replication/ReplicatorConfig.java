package io.github.hybridshop.gcp.replication;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the local replicator reads from and writes to.
 *
 * <p>The publication must exist (prepare it with shop-core's {@code ReplicationSetup}); the slot
 * is created on first start if missing and outlives the replicator, so a restart resumes where
 * the last committed offset left off. {@link #toString()} never shows the password.
 *
 * @param host PostgreSQL host
 * @param port PostgreSQL port
 * @param database database name
 * @param user a user with the REPLICATION attribute (or a superuser) and SELECT on the tables
 * @param password its password (kept out of logs)
 * @param dataDir where {@value #WAREHOUSE_FILE} and the offsets file live
 * @param publication the publication to read ({@code shop_publication})
 * @param slot the logical slot of this replicator ({@code shop_local_slot})
 * @param tables the source tables, {@code schema.table}, snapshotted first and then streamed
 * @param heartbeatInterval how often Debezium confirms progress while the tables are quiet
 */
public record ReplicatorConfig(
    String host,
    int port,
    String database,
    String user,
    String password,
    Path dataDir,
    String publication,
    String slot,
    List<String> tables,
    Duration heartbeatInterval) {

  /** The DuckDB file in {@link #dataDir()}. */
  public static final String WAREHOUSE_FILE = "warehouse.duckdb";

  /** The shop tables Datastream replicates, in the same order. */
  public static final List<String> SHOP_TABLES =
      List.of("shop.products", "shop.orders", "shop.order_lines", "shop.stock_movements", "shop.replication_heartbeat");

  /** The local replicator's own slot; the cloud stream has {@code shop_datastream_slot}. */
  public static final String DEFAULT_SLOT = "shop_local_slot";

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

  /** Checks every part, failing with the name of the bad setting. */
  public ReplicatorConfig {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, got " + port);
    }
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
    requireName("publication", publication);
    requireName("slot", slot);
    tables = List.copyOf(tables);
    for (String table : tables) {
      if (!TABLE.matcher(table).matches()) {
        throw new IllegalArgumentException("tables: expected schema.table, got " + table);
      }
    }
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("heartbeatInterval must be positive");
    }
  }

  /**
   * The usual configuration: the shop tables, {@code shop_publication}, {@value #DEFAULT_SLOT}, a
   * 10 s heartbeat.
   *
   * @param host PostgreSQL host
   * @param port PostgreSQL port
   * @param database database name
   * @param user replication user
   * @param password its password
   * @param dataDir the data directory
   * @return the configuration
   */
  public static ReplicatorConfig of(
      String host, int port, String database, String user, String password, Path dataDir) {
    return new ReplicatorConfig(
        host, port, database, user, password, dataDir, "shop_publication", DEFAULT_SLOT, SHOP_TABLES,
        Duration.ofSeconds(10));
  }

  /**
   * @param slot another slot name
   * @return a copy reading through that slot
   */
  public ReplicatorConfig withSlot(String slot) {
    return new ReplicatorConfig(host, port, database, user, password, dataDir, publication, slot, tables, heartbeatInterval);
  }

  /**
   * @param dataDir another data directory
   * @return a copy keeping its offsets and warehouse there
   */
  public ReplicatorConfig withDataDir(Path dataDir) {
    return new ReplicatorConfig(host, port, database, user, password, dataDir, publication, slot, tables, heartbeatInterval);
  }

  /**
   * @param publication another publication
   * @param tables the tables it holds
   * @return a copy reading those tables through that publication
   */
  public ReplicatorConfig withPublication(String publication, List<String> tables) {
    return new ReplicatorConfig(host, port, database, user, password, dataDir, publication, slot, tables, heartbeatInterval);
  }

  /**
   * The Debezium engine properties the replicator runs with: the PostgreSQL connector over
   * {@code pgoutput} with this publication and slot, file offsets in the data directory, an
   * initial snapshot, decimals as strings and a 10 ms poll. Includes the password.
   *
   * @return a fresh copy, safe to adjust
   */
  public Properties debeziumProperties() {
    Properties p = new Properties();
    p.setProperty("name", "shop-local-replicator");
    p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
    p.setProperty("offset.storage.file.filename", offsetsFile().toString());
    p.setProperty("offset.flush.interval.ms", "1000");
    p.setProperty("database.hostname", host);
    p.setProperty("database.port", Integer.toString(port));
    p.setProperty("database.user", user);
    p.setProperty("database.password", password);
    p.setProperty("database.dbname", database);
    p.setProperty("topic.prefix", "shop");
    p.setProperty("plugin.name", "pgoutput");
    p.setProperty("publication.name", publication);
    p.setProperty("publication.autocreate.mode", "disabled");
    p.setProperty("slot.name", slot);
    p.setProperty("table.include.list", String.join(",", tables).replace(".", "\\."));
    p.setProperty("snapshot.mode", "initial");
    p.setProperty("heartbeat.interval.ms", Long.toString(heartbeatInterval.toMillis()));
    p.setProperty("decimal.handling.mode", "string");
    p.setProperty("column.propagate.source.type", ".*");
    p.setProperty("unavailable.value.placeholder", RowChange.UNCHANGED_TOAST);
    // 10 ms instead of the 500 ms default: most of the commit-to-visible latency.
    p.setProperty("poll.interval.ms", "10");
    p.setProperty("max.batch.size", "8192");
    p.setProperty("max.queue.size", "32768");
    return p;
  }

  /**
   * The source database for shop-core's replication classes (slot housekeeping before the first
   * start), as this configuration's user.
   *
   * @return a fresh, unpooled data source
   */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {host});
    dataSource.setPortNumbers(new int[] {port});
    dataSource.setDatabaseName(database);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  /** @return where Debezium keeps its committed offsets; absent before the first start */
  public Path offsetsFile() {
    return dataDir.resolve("replication-offsets.dat");
  }

  /** @return the DuckDB file */
  public Path warehouseFile() {
    return dataDir.resolve(WAREHOUSE_FILE);
  }

  private static void requireName(String setting, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(setting + " must be a plain PostgreSQL identifier, got " + value);
    }
  }

  @Override
  public String toString() {
    return "ReplicatorConfig[" + user + "@" + host + ":" + port + "/" + database + ", publication=" + publication
        + ", slot=" + slot + ", dataDir=" + dataDir + ", tables=" + tables + "]";
  }
}
