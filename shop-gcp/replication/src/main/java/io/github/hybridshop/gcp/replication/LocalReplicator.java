package io.github.hybridshop.gcp.replication;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.ChangeEvent;
import io.debezium.embedded.Connect;
import io.github.hybridshop.core.replication.ReplicationSetup;
import io.github.hybridshop.gcp.analytics.DuckDbWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.source.SourceRecord;
import org.duckdb.DuckDBConnection;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for Datastream: Debezium's embedded PostgreSQL connector (pgoutput) feeding
 * {@code <data-dir>/warehouse.duckdb}, shaped like Datastream's BigQuery tables in merge mode.
 *
 * <pre>{@code
 * new ReplicationSetup(dataSource).prepare(ReplicationSettings.defaults().withSlot("shop_local_slot")..., password);
 * try (LocalReplicator replicator = LocalReplicator.start(ReplicatorConfig.of(host, port, "shop", user, password, dataDir))) {
 *   Warehouse warehouse = replicator.warehouse(Clock.systemUTC());
 * }
 * }</pre>
 *
 * <p>The first start snapshots the tables, then streams. Offsets are committed to a file in the
 * data directory only after DuckDB committed the batch, so a crash replays a little and the
 * idempotent merge absorbs it. This process owns the DuckDB file for writing until
 * {@link #close()}.
 */
public final class LocalReplicator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalReplicator.class);

  private final ReplicatorConfig config;
  private final DuckDBConnection duckDb;
  private final DuckDbChangeWriter writer;
  private final DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
  private final ExecutorService runner;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong writeNanos = new AtomicLong();

  private LocalReplicator(ReplicatorConfig config) throws SQLException, IOException {
    this.config = config;
    Files.createDirectories(config.dataDir());
    this.duckDb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + config.warehouseFile());
    this.writer = new DuckDbChangeWriter(duckDb.duplicate());
    ChangeDecoder decoder = new ChangeDecoder();
    this.engine =
        DebeziumEngine.create(Connect.class)
            .using(config.debeziumProperties())
            .notifying(
                (List<ChangeEvent<SourceRecord, SourceRecord>> records, DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer) -> {
                  List<RowChange> changes = new ArrayList<>(records.size());
                  for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
                    decoder.decode(record.value()).ifPresent(changes::add);
                  }
                  if (!changes.isEmpty()) {
                    try {
                      long began = System.nanoTime();
                      writer.apply(changes);
                      writeNanos.addAndGet(System.nanoTime() - began);
                      batches.incrementAndGet();
                    } catch (SQLException e) {
                      throw new IllegalStateException("could not write changes to " + config.warehouseFile() + ": " + e.getMessage(), e);
                    }
                  }
                  for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
                    committer.markProcessed(record);
                  }
                  committer.markBatchFinished();
                  applied.addAndGet(changes.size());
                })
            .using(
                (boolean success, String message, Throwable error) -> {
                  if (!success) {
                    failure.set(error != null ? error : new IllegalStateException(message));
                    LOG.error("local replication stopped: {}", message, error);
                  }
                })
            .build();
    this.runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "shop-local-replicator"));
  }

  /**
   * Opens (or creates) the DuckDB file and starts streaming in a background thread.
   *
   * @param config where to read and write
   * @return the running replicator
   * @throws IllegalStateException when the DuckDB file cannot be opened for writing (another
   *     process owns it)
   */
  public static LocalReplicator start(ReplicatorConfig config) {
    try {
      if (!Files.exists(config.offsetsFile())) {
        dropUnreadSlot(config);
      }
      LocalReplicator replicator = new LocalReplicator(config);
      replicator.runner.execute(replicator.engine);
      LOG.info("local replication started: {}", config);
      return replicator;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not open " + config.warehouseFile() + " for writing (is another shop process running on this data dir?): "
              + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("could not create the data dir " + config.dataDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Without offsets this start snapshots the tables, and Debezium can make that snapshot
   * consistent with the stream (a snapshot exported where the slot starts) only when it creates
   * the slot itself. On a slot made earlier it streams again changes the snapshot already holds,
   * with LSNs above the snapshot's, so the warehouse briefly goes back in time (seen in tests:
   * a restocked product showed its old stock again). The snapshot copies everything, so dropping
   * an unread slot loses nothing; a slot another consumer is reading stops the start with the
   * fix named ({@link ReplicationSetup#dropSlot}).
   */
  private static void dropUnreadSlot(ReplicatorConfig config) {
    try {
      new ReplicationSetup(config.dataSource()).dropSlot(config.slot());
    } catch (JdbiException e) {
      throw new IllegalStateException(
          "could not prepare slot " + config.slot() + " on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A new read connection to the warehouse, sharing this process's database instance; close it
   * after use.
   *
   * @return the connection
   * @throws SQLException when the replicator is closed
   */
  public Connection readConnection() throws SQLException {
    return duckDb.duplicate();
  }

  /**
   * The reports on this replicator's copy, read through its database instance (DuckDB lets only
   * one process open the file for writing).
   *
   * @param clock the clock freshness is measured against
   * @return the warehouse
   */
  public DuckDbWarehouse warehouse(Clock clock) {
    return new DuckDbWarehouse(this::readConnection, clock);
  }

  /** @return the configuration */
  public ReplicatorConfig config() {
    return config;
  }

  /** @return row changes written to DuckDB since start */
  public long appliedChanges() {
    return applied.get();
  }

  /** @return batches written to DuckDB since start */
  public long batches() {
    return batches.get();
  }

  /** @return milliseconds spent writing those batches (staging, merge, commit) */
  public double writeMillis() {
    return writeNanos.get() / 1e6;
  }

  /** @return why the engine stopped on its own, if it did */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Stops streaming (offsets are flushed), then releases the DuckDB file. */
  @Override
  public void close() {
    try {
      engine.close();
    } catch (IOException e) {
      LOG.warn("Debezium engine did not close cleanly: {}", e.getMessage());
    }
    runner.shutdown();
    try {
      if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
        runner.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      writer.close();
      duckDb.close();
    } catch (SQLException e) {
      LOG.warn("DuckDB did not close cleanly: {}", e.getMessage());
    }
  }
}
