package io.github.hybridshop.aws.http;

import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemType;
import io.github.hybridshop.aws.config.DependencyUnavailableException;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;

/**
 * Tells a database (or secret store) outage apart from a bug: outages answer 503 with
 * {@code Retry-After}, because retrying the same request later can succeed.
 */
public final class DatabaseOutage {

  /** Seconds a client should wait before retrying. */
  public static final int RETRY_AFTER_SECONDS = 2;

  private DatabaseOutage() {}

  /**
   * Classifies a failure.
   *
   * @param failure what a handler threw
   * @return {@code true} when it is a lost or refused connection, a server shutting down or
   *     starting up, too many connections, or an unreachable secret store
   */
  public static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectionException || t instanceof DependencyUnavailableException) {
        return true;
      }
      if (t instanceof SQLException sql && isOutageState(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Returns the 503 problem for an outage.
   *
   * @return the problem; {@link Responses#problem} sends it with {@code Retry-After}
   */
  public static Problem problem() {
    return Problem.of(ProblemType.DATABASE_UNAVAILABLE, "The database is unavailable right now; retry in a few seconds");
  }

  // 08: connection exception; 57P01-57P03: shutting down or starting up; 53300: too many connections.
  private static boolean isOutageState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
  }
}
