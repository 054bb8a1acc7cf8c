package io.github.hybridshop.aws.heartbeat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.hybridshop.api.JsonWriter;
import io.github.hybridshop.aws.config.LambdaEnvironment;
import io.github.hybridshop.aws.http.DatabaseOutage;
import io.github.hybridshop.aws.observability.ColdStart;
import io.github.hybridshop.aws.observability.JsonLines;
import io.github.hybridshop.core.replication.Heartbeat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes one {@code shop.replication_heartbeat} beat per invocation, so the analytics copy can
 * tell how fresh it is from the first minute of a deployment, even when nobody buys anything.
 * EventBridge Scheduler invokes it every minute; the event is ignored. It answers
 * {@code {"status":"ok","durationMs":12}} and logs one JSON line:
 *
 * <pre>{@code
 * {"type":"heartbeat","requestId":"...","status":"ok","durationMs":12,"coldStart":false}
 * }</pre>
 *
 * <p>A failed beat logs the line with {@code "status":"failed"} and an {@code error}, then fails
 * the invocation with a {@link HeartbeatFailedException} that carries only that message (no
 * stack trace), so the function's {@code Errors} metric counts it and the log stays one line per
 * minute during an outage. The next scheduled invocation is the retry.
 *
 * <p>Settings: the database variables of the API handlers; it uses the same one connection per
 * execution environment as they do ({@link LambdaEnvironment#connection()}).
 */
public final class HeartbeatHandler implements RequestStreamHandler {
  private final Heartbeat heartbeat;
  private final JsonLines log;
  private final ColdStart coldStart = new ColdStart();

  /** For Lambda: this execution environment's connection, logging to stdout. */
  public HeartbeatHandler() {
    this(LambdaEnvironment.get().connection(), JsonLines.stdout());
  }

  /**
   * Beats on a given database.
   *
   * @param dataSource the shop database, migrated
   * @param log where the one line per invocation goes
   */
  public HeartbeatHandler(DataSource dataSource, JsonLines log) {
    this.heartbeat = new Heartbeat(Objects.requireNonNull(dataSource, "dataSource"));
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    long started = System.nanoTime();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "heartbeat");
    line.put("requestId", context == null ? null : context.getAwsRequestId());
    String error = beat();
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    line.put("status", error == null ? "ok" : "failed");
    line.put("durationMs", durationMs);
    line.put("coldStart", coldStart.next());
    if (error != null) {
      line.put("error", error);
    }
    log.write(line);
    if (error != null) {
      throw new HeartbeatFailedException(error);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", "ok");
    result.put("durationMs", durationMs);
    output.write(new JsonWriter().tree(result).toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Returns {@code null} when the beat was written, else what went wrong and what to do. */
  private String beat() {
    try {
      if (heartbeat.beat() == 1) {
        return null;
      }
      return "shop.replication_heartbeat has no row: run the migrate function first";
    } catch (RuntimeException e) {
      if (DatabaseOutage.isOutage(e)) {
        return "database unavailable, the next scheduled beat retries: " + rootMessage(e);
      }
      return "heartbeat failed: " + rootMessage(e);
    }
  }

  // The driver's own message ("Connection to host:port refused. Check that ...") names the
  // place; the socket exception under it only says "Connection refused".
  private static String rootMessage(Throwable failure) {
    Throwable chosen = failure;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      chosen = t;
      if (t instanceof SQLException) {
        break;
      }
    }
    String message = chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
