package io.github.hybridshop.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one PostgreSQL server of this test JVM, chosen in this order: {@code SHOP_TEST_JDBC_URL}
 * (with {@code SHOP_TEST_JDBC_USER} and {@code SHOP_TEST_JDBC_PASSWORD}) when set; a
 * Testcontainers {@code postgres:17} when a Docker engine answers; otherwise embedded PostgreSQL
 * 17 (zonky binaries). Started on first use, stopped when the JVM exits. Logical decoding is on
 * ({@code wal_level=logical}) so replication tests can use the same server.
 */
public final class PostgresServer {
  private static PostgresServer instance;

  private final String host;
  private final int port;
  private final String defaultDatabase;
  private final String user;
  private final String password;
  private final String description;

  private PostgresServer(
      String host, int port, String defaultDatabase, String user, String password, String description) {
    this.host = host;
    this.port = port;
    this.defaultDatabase = defaultDatabase;
    this.user = user;
    this.password = password;
    this.description = description;
  }

  /**
   * Returns the server, starting it on first call.
   *
   * @return the JVM-wide server
   */
  public static synchronized PostgresServer get() {
    if (instance == null) {
      instance = start();
      System.out.println("[shop-test] PostgreSQL: " + instance.description);
    }
    return instance;
  }

  private static PostgresServer start() {
    String url = System.getenv("SHOP_TEST_JDBC_URL");
    if (url != null && !url.isBlank()) {
      return fromUrl(url.strip());
    }
    if (!"false".equals(System.getenv("SHOP_TEST_DOCKER")) && dockerAnswers()) {
      return container();
    }
    return embedded();
  }

  private static PostgresServer fromUrl(String url) {
    // jdbc:postgresql://host:port/db?params
    String rest = url.substring("jdbc:postgresql://".length());
    String hostPort = rest.substring(0, rest.indexOf('/'));
    String database = rest.substring(rest.indexOf('/') + 1).replaceFirst("\\?.*", "");
    String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
    int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
    return new PostgresServer(
        host,
        port,
        database,
        Objects.requireNonNullElse(System.getenv("SHOP_TEST_JDBC_USER"), "postgres"),
        Objects.requireNonNullElse(System.getenv("SHOP_TEST_JDBC_PASSWORD"), ""),
        "SHOP_TEST_JDBC_URL " + host + ":" + port + "/" + database);
  }

  private static boolean dockerAnswers() {
    // Probing through Testcontainers takes seconds when nothing listens; skip it when there is
    // no engine to ask.
    if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static PostgresServer container() {
    PostgreSQLContainer<?> container =
        new PostgreSQLContainer<>(DockerImageName.parse("postgres:17"))
            .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_connections=300");
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
    return new PostgresServer(
        container.getHost(),
        container.getMappedPort(5432),
        container.getDatabaseName(),
        container.getUsername(),
        container.getPassword(),
        "Testcontainers postgres:17");
  }

  private static PostgresServer embedded() {
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setServerConfig("wal_level", "logical")
              .setServerConfig("max_wal_senders", "20")
              .setServerConfig("max_replication_slots", "20")
              .setServerConfig("max_connections", "300")
              // Tests never need to survive a crash: skip fsync for speed.
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException e) {
                      System.err.println("[shop-test] could not stop embedded PostgreSQL: " + e);
                    }
                  }));
      return new PostgresServer(
          "localhost", postgres.getPort(), "postgres", "postgres", "postgres", "embedded PostgreSQL (zonky) on port " + postgres.getPort());
    } catch (IOException e) {
      throw new IllegalStateException("could not start embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** @return the host name */
  public String host() {
    return host;
  }

  /** @return the port */
  public int port() {
    return port;
  }

  /** @return the database that exists from the start */
  public String defaultDatabase() {
    return defaultDatabase;
  }

  /** @return a superuser (or the configured user) */
  public String user() {
    return user;
  }

  /** @return its password */
  public String password() {
    return password;
  }

  /**
   * Returns a JDBC URL for a database on this server.
   *
   * @param database the database name
   * @return the URL, without credentials
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * Creates an empty database.
   *
   * @param name a plain identifier (letters, digits, underscores)
   */
  public void createDatabase(String name) {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl(defaultDatabase), user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
  }
}
