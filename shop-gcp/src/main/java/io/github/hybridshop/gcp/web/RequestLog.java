package io.github.hybridshop.gcp.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * One JSON line per request (method, path, status, duration) on the
 * {@code io.github.hybridshop.gcp.web.access} logger, which Cloud Logging parses as structured
 * fields. Deliberately leaves out query strings, headers and cookies: they can carry search
 * text, tokens and session values.
 */
public final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.hybridshop.gcp.web.access");
  private static final String STARTED = RequestLog.class.getName() + ".started";

  private RequestLog() {}

  /**
   * Installs the timing filters.
   *
   * @param http the Spark service
   */
  public static void install(Service http) {
    http.before((request, response) -> request.attribute(STARTED, System.nanoTime()));
    http.afterAfter(RequestLog::log);
  }

  private static void log(Request request, Response response) {
    Long started = request.attribute(STARTED);
    long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
    int status = response.raw().getStatus();
    if (LOG.isInfoEnabled()) {
      LOG.info(
          "{\"severity\":\"{}\",\"method\":\"{}\",\"path\":\"{}\",\"status\":{},\"durationMs\":{}}",
          status >= 500 ? "ERROR" : "INFO", request.requestMethod(), jsonEscape(request.pathInfo()), status, millis);
    }
  }

  private static String jsonEscape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
