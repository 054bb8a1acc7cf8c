package io.github.hybridshop.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.hybridshop.core.db.ShopSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh embedded PostgreSQL 17 for one benchmark run, with production-like durability (fsync
 * on) so the numbers mean something, and the shop schema migrated.
 */
final class BenchDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final HikariDataSource pool;

  private BenchDatabase(EmbeddedPostgres postgres, HikariDataSource pool) {
    this.postgres = postgres;
    this.pool = pool;
  }

  static BenchDatabase start(int poolSize) throws IOException {
    Path dir = Files.createTempDirectory("shop-bench-pg");
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "300")
            // zonky's default is off; production (RDS) commits durably, and logical decoding only
            // sends WAL once flushed, so "off" would also add up to wal_writer_delay to replication.
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("wal_level", "logical")
            .setServerConfig("max_wal_senders", "10")
            .setServerConfig("max_replication_slots", "10")
            .setServerConfig("shared_buffers", "256MB")
            .start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setPassword("postgres");
    // Flyway holds one connection for its lock and migrates on another.
    config.setMaximumPoolSize(Math.max(2, poolSize));
    config.setMinimumIdle(Math.max(2, poolSize));
    HikariDataSource pool = new HikariDataSource(config);
    ShopSchema.migrate(pool);
    return new BenchDatabase(postgres, pool);
  }

  HikariDataSource pool() {
    return pool;
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    pool.close();
    postgres.close();
  }
}
