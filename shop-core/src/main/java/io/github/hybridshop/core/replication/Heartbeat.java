package io.github.hybridshop.core.replication;

import io.github.hybridshop.core.internal.Database;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touches {@code shop.replication_heartbeat} periodically so the analytics copy can tell how
 * fresh it is even when nobody buys anything: the replicated {@code beat_at} is at most one
 * interval plus the replication lag old.
 */
public final class Heartbeat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  private final Jdbi jdbi;
  private ScheduledExecutorService timer;

  /**
   * Creates a stopped heartbeat.
   *
   * @param dataSource the source database
   */
  public Heartbeat(DataSource dataSource) {
    this.jdbi = new Database(dataSource).jdbi();
  }

  /**
   * Writes one beat now.
   *
   * @return the number of rows touched, 1 once the schema is migrated
   */
  public int beat() {
    return jdbi.withHandle(
        handle -> handle.execute("UPDATE shop.replication_heartbeat SET beat_at = now() WHERE id = 1"));
  }

  /**
   * Beats every {@code interval} on a daemon thread until {@link #close()}; a failed beat is
   * logged and the next one tried as usual, so a database restart does not stop the heartbeat.
   *
   * @param interval time between beats, at least one second
   * @return this heartbeat
   * @throws IllegalStateException when already started
   */
  public synchronized Heartbeat start(Duration interval) {
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("heartbeat interval must be at least 1 second, got " + interval);
    }
    if (timer != null) {
      throw new IllegalStateException("heartbeat already started");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "shop-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::beatQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Stops beating; beats already written stay. */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  private void beatQuietly() {
    try {
      beat();
    } catch (RuntimeException e) {
      LOG.warn("heartbeat failed, will retry: {}", e.getMessage());
    }
  }
}
