package io.github.hybridshop.examples.local;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
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

  private final Path dataDir;
  private final Consumer<String> say;
  // Set by start(), read by close() on the stopping thread; close() also stops a server whose
  // start was cut short, so it never relies on these alone.
  private volatile EmbeddedPostgres postgres;
  private volatile HikariDataSource pool;

  private LocalDatabase(Path dataDir, Consumer<String> say) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.say = say;
  }

  /**
   * The database of a data directory, not started yet, so a stack can register it for stopping
   * before it starts: a stop requested while the server starts then still stops it.
   *
   * @param dataDir the local data directory
   * @param say where to report a server found running on it
   * @return the stopped database
   */
  public static LocalDatabase at(Path dataDir, Consumer<String> say) {
    return new LocalDatabase(dataDir, Objects.requireNonNull(say, "say"));
  }

  /**
   * Starts the server on {@code dataDir/postgres}, creating it on first use. A server still
   * running there is stopped first (see {@link #stopLeftover(String)}): call this only while
   * holding the data directory, as the local stack does.
   *
   * @throws IOException when the server cannot start
   * @throws IllegalStateException when started twice
   */
  public synchronized void start() throws IOException {
    if (postgres != null) {
      throw new IllegalStateException("already started");
    }
    Path portFile = dataDir.resolve("postgres.port");
    int port = Files.exists(portFile) ? Integer.parseInt(Files.readString(portFile).strip()) : freePort();
    Files.createDirectories(serverDir());
    stopLeftover("left running by an earlier run that was killed before it could stop it");
    postgres =
        EmbeddedPostgres.builder()
            // Absolute, so the server's command line names the directory a later start checks.
            .setDataDirectory(serverDir())
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
    pool = new HikariDataSource(config);
  }

  /**
   * Returns the pool.
   *
   * @return pooled connections to the {@code postgres} database
   */
  public DataSource dataSource() {
    return Objects.requireNonNull(pool, "the database is not started");
  }

  /**
   * Returns the JDBC URL.
   *
   * @return the URL of the {@code postgres} database (user and password {@code postgres})
   */
  public String jdbcUrl() {
    return running().getJdbcUrl(USER, NAME);
  }

  /**
   * Returns the port.
   *
   * @return the server's port on localhost
   */
  public int port() {
    return running().getPort();
  }

  /**
   * Closes the pool and stops the server; the data stays. Also stops a server whose start was cut
   * short or which outlived zonky's five-second stop, so no PostgreSQL stays on the data
   * directory after this returns.
   *
   * @throws IOException when a server on the data directory does not stop
   */
  @Override
  public void close() throws IOException {
    HikariDataSource pooled = pool;
    if (pooled != null) {
      pooled.close();
    }
    EmbeddedPostgres server = postgres;
    if (server != null) {
      server.close();
    }
    stopLeftover("still running after its stop");
  }

  /**
   * Stops a PostgreSQL running on this data directory that this object did not stop: one left by
   * a run killed with {@code kill -9} (its shutdown hook never ran) or one this run could not
   * stop in time. Stopping beats reusing it: the new run then owns a server started with its own
   * settings and port and can stop it, and a clean shutdown writes a checkpoint, so the next
   * start needs no crash recovery and no committed data is lost. A process is only taken for that server
   * when {@code postmaster.pid} names it, it is alive, and its command is {@code postgres -D}
   * this very directory, so a recycled process id is never signalled.
   */
  private void stopLeftover(String why) throws IOException {
    Optional<ProcessHandle> leftover = serverOnDataDir();
    if (leftover.isEmpty()) {
      return;
    }
    ProcessHandle server = leftover.get();
    say.accept("found PostgreSQL (pid " + server.pid() + ") on " + serverDir() + ", " + why + "; stopping it");
    // SIGTERM is PostgreSQL's smart shutdown: it waits for open sessions, and the sessions of a
    // dead run are gone already. (pg_ctl cannot be used: as root, zonky runs the server in a
    // user namespace and pg_ctl refuses to run as root outside one.)
    server.destroy();
    try {
      server.onExit().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // reported below
    }
    if (server.isAlive()) {
      throw new IOException(
          "PostgreSQL (pid " + server.pid() + ") on " + serverDir() + " is still running, probably because a session"
              + " (psql?) is open; end them with a fast shutdown: kill -INT " + server.pid());
    }
    say.accept("stopped the PostgreSQL found running (pid " + server.pid() + ")");
  }

  /**
   * Returns the live postmaster of this data directory, if any.
   *
   * @return the process {@code postmaster.pid} names, if it is {@code postgres -D} this directory
   */
  Optional<ProcessHandle> serverOnDataDir() throws IOException {
    Path pidFile = serverDir().resolve("postmaster.pid");
    List<String> lines;
    try {
      lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]{1,10}")) {
      return Optional.empty();
    }
    Path expected = serverDir().toRealPath();
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
        .filter(ProcessHandle::isAlive)
        .filter(process -> isServerOn(process, expected));
  }

  private static boolean isServerOn(ProcessHandle process, Path dir) {
    ProcessHandle.Info info = process.info();
    if (info.command().map(command -> !Path.of(command).getFileName().toString().equals("postgres")).orElse(true)) {
      return false;
    }
    String[] args = info.arguments().orElse(new String[0]);
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-D")) {
        try {
          return Path.of(args[i + 1]).toRealPath().equals(dir);
        } catch (IOException e) {
          return false;
        }
      }
    }
    return false;
  }

  private Path serverDir() {
    return dataDir.resolve("postgres");
  }

  private EmbeddedPostgres running() {
    return Objects.requireNonNull(postgres, "the database is not started");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
