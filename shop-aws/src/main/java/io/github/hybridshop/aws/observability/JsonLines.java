package io.github.hybridshop.aws.observability;

import io.github.hybridshop.api.JsonWriter;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one JSON object per line: in Lambda to stdout, where every line becomes one CloudWatch
 * log event that Logs Insights parses into fields, and that CloudWatch turns into metrics when it
 * carries an Embedded Metric Format {@code _aws} member. The line is written with one
 * {@code println}, and the JSON writer escapes every newline inside values, so a line is never
 * split across events.
 */
public final class JsonLines {
  private final PrintStream out;

  /**
   * Writes to a given stream.
   *
   * @param out the stream, such as a test's buffer
   */
  public JsonLines(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Writes to the process's standard output, the Lambda function's log.
   *
   * @return lines on {@link System#out}
   */
  public static JsonLines stdout() {
    return new JsonLines(System.out);
  }

  /**
   * Writes one line.
   *
   * @param fields the object's members, in order; values as {@link JsonWriter#tree(Object)} takes them
   */
  public void write(Map<String, ?> fields) {
    String line = new JsonWriter().tree(fields).toString();
    synchronized (out) {
      out.println(line);
    }
  }
}
