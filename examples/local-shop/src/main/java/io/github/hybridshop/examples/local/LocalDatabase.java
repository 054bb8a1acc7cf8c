package io.github.hybridshop.examples.local;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * Embedded PostgreSQL 17 whose data directory lives inside the local data directory, so the
 * shop's data survives restarts. Its port is chosen once and stored next to the data, so tools
 * (psql, the local replicator) find the same server every time. Logical decoding is on
 * ({@code wal_level=logical}) for the local replicator.
 */
public final class LocalDatabase implements AutoCloseable {
  /** The database the shop lives in. */
  public static final String NAME = "postgres";

  /** The embedded superuser; the server only listens on this machine. */
  public static final String USER = "postgres";

  /** Its password, zonky's fixed local default (the server accepts loopback clients only). */
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;
  private final HikariDataSource pool;

  private LocalDatabase(EmbeddedPostgres postgres, HikariDataSource pool) {
    this.postgres = postgres;
    this.pool = pool;
  }

  /**
   * Starts the server on {@code dataDir/postgres}, creating it on first use.
   *
   * @param dataDir the local data directory
   * @return the running database with a connection pool
   * @throws IOException when the server cannot start
   */
  public static LocalDatabase start(Path dataDir) throws IOException {
    Path portFile = dataDir.resolve("postgres.port");
    int port = Files.exists(portFile) ? Integer.parseInt(Files.readString(portFile).strip()) : freePort();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolve("postgres"))
            .setCleanDataDirectory(false)
            // The stack stops PostgreSQL itself, after the API, in its own shutdown hook.
            .setRegisterShutdownHook(false)
            .setPort(port)
            .setServerConfig("wal_level", "logical")
            .setServerConfig("max_wal_senders", "10")
            .setServerConfig("max_replication_slots", "10")
            .setServerConfig("max_slot_wal_keep_size", "1GB")
            // zonky's default is off: a 201 must survive a crash, and logical decoding only sends
            // flushed WAL, so "off" would also delay the dashboard by up to wal_writer_delay.
            .setServerConfig("synchronous_commit", "on")
            .start();
    Files.writeString(portFile, Integer.toString(port), StandardCharsets.UTF_8);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl(USER, NAME));
    config.setUsername(USER);
    config.setPassword(PASSWORD);
    config.setMaximumPoolSize(16);
    config.setPoolName("shop-local");
    return new LocalDatabase(postgres, new HikariDataSource(config));
  }

  /**
   * Returns the pool.
   *
   * @return pooled connections to the {@code postgres} database
   */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * Returns the JDBC URL.
   *
   * @return the URL of the {@code postgres} database (user and password {@code postgres})
   */
  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, NAME);
  }

  /**
   * Returns the port.
   *
   * @return the server's port on localhost
   */
  public int port() {
    return postgres.getPort();
  }

  /** Closes the pool and stops the server; the data stays. */
  @Override
  public void close() throws IOException {
    pool.close();
    postgres.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
