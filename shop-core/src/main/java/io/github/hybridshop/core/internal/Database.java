package io.github.hybridshop.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The shop's database: plain JDBC for the hottest reads, and Jdbi, set up on first use, for
 * everything else.
 *
 * <p>Setting Jdbi up (its argument, mapper and collector registries) loads some 550 classes and
 * takes about as long as opening a PostgreSQL connection. Reads that a freshly started process
 * (a Lambda cold start) serves first, such as the catalog listing, therefore run through
 * {@link #withConnection(ConnectionWork)} and never pay for it. Failures surface as the same Jdbi
 * exceptions either way, so callers need not know which path a call took.
 *
 * <p>Every class of shop-core that reaches PostgreSQL goes through one of these, so all of them get
 * the same exceptions and the shop's Jdbi set-up (lock-free statement caches, no template engine:
 * bind lists as arrays, {@code = ANY(:values)}).
 *
 * <p>Not API: embedders reach the database through {@code Shop}, {@code ShopSchema} and the
 * replication classes.
 *
 * <p>Thread-safe.
 */
public final class Database {
  private final DataSource dataSource;
  private volatile Jdbi jdbi;

  /**
   * Wraps a data source; connects nothing yet.
   *
   * @param dataSource the database
   */
  public Database(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Returns Jdbi on this database with the shop's caches, creating it on the first call.
   *
   * @return the shared Jdbi
   */
  public Jdbi jdbi() {
    Jdbi created = jdbi;
    if (created == null) {
      synchronized (this) {
        created = jdbi;
        if (created == null) {
          created = ConcurrentJdbiCache.jdbi(dataSource);
          jdbi = created;
        }
      }
    }
    return created;
  }

  /**
   * Runs work on a connection borrowed from the data source for the call, in auto-commit mode.
   *
   * @param work the statements to run
   * @param <T> the result type
   * @return what the work returned
   * @throws ConnectionException when no connection could be had, as from Jdbi
   * @throws UnableToExecuteStatementException when a statement failed, as from Jdbi
   */
  public <T> T withConnection(ConnectionWork<T> work) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new ConnectionException(e);
    }
    try (connection) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }

  /**
   * Statements run on one connection.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface ConnectionWork<T> {
    /**
     * Runs the statements.
     *
     * @param connection the borrowed connection; do not close it
     * @return the result
     * @throws SQLException when a statement fails
     */
    T run(Connection connection) throws SQLException;
  }
}
