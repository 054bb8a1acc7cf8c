package io.github.hybridshop.aws.config;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.crac.Context;
import org.crac.Resource;

/**
 * One database connection for one Lambda execution environment, which serves one request at a
 * time. Each {@link #getConnection()} lends the same connection after checking it with
 * {@code isValid(1)}, and opens a new one when it is gone (database restarted, network cut), so
 * the handler recovers by itself. Closing the lent connection returns it (rolling back anything
 * left open); concurrent borrowers wait their turn.
 *
 * <p>It is a CRaC {@link Resource}: before a SnapStart snapshot the connection is closed, since
 * a socket cannot survive being restored in another place; the next request reconnects.
 */
public final class SingleConnectionDataSource extends BasicDataSource implements Resource, AutoCloseable {
  private static final long WAIT_SECONDS = 30;

  private final DataSource connector;
  private final Semaphore turn = new Semaphore(1, true);
  private Connection connection;

  /**
   * Creates the data source; nothing is opened until the first {@link #getConnection()}.
   *
   * @param connector opens a new connection when needed
   */
  public SingleConnectionDataSource(DataSource connector) {
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  @Override
  public Connection getConnection() throws SQLException {
    acquire();
    try {
      if (connection == null || !isValid(connection)) {
        discard();
        connection = connector.getConnection();
      }
      return lend(connection);
    } catch (SQLException | RuntimeException e) {
      turn.release();
      throw e;
    }
  }

  /** Closes the connection, if open; the next borrower opens a new one. */
  @Override
  public void close() {
    acquireQuietly();
    try {
      discard();
    } finally {
      turn.release();
    }
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    close();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // reconnects lazily on the first request after restore
  }

  private void acquire() throws SQLException {
    try {
      if (!turn.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new SQLTransientConnectionException("the connection stayed busy for " + WAIT_SECONDS + " s", "08001");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted waiting for the connection", "08001", e);
    }
  }

  private void acquireQuietly() {
    turn.acquireUninterruptibly();
  }

  private static boolean isValid(Connection candidate) {
    try {
      return candidate.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  private void discard() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing a connection the server already dropped fails; it is gone either way.
      }
      connection = null;
    }
  }

  private Connection lend(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new Loan(target));
  }

  /** The lent view: {@code close()} gives the connection back instead of closing it. */
  private final class Loan implements InvocationHandler {
    private final Connection target;
    private boolean returned;

    Loan(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close":
          giveBack();
          return null;
        case "isClosed":
          return returned || target.isClosed();
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "lent " + target;
        default:
          break;
      }
      if (returned) {
        throw new SQLException("connection already given back", "08003");
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private synchronized void giveBack() {
      if (returned) {
        return;
      }
      returned = true;
      try {
        if (!target.isClosed() && !target.getAutoCommit()) {
          target.rollback();
          target.setAutoCommit(true);
        }
      } catch (SQLException e) {
        // A broken connection fails validation on the next borrow and is replaced then.
      } finally {
        turn.release();
      }
    }
  }
}
