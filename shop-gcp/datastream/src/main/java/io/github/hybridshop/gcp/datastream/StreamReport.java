package io.github.hybridshop.gcp.datastream;

import java.util.List;

/**
 * A stream as an operator reads it: state, errors, and the backfill of every table.
 *
 * @param stream the stream's full name
 * @param state NOT_STARTED, RUNNING, PAUSED, FAILED, ...
 * @param errors the stream's errors, one line each
 * @param objects one entry per source table
 */
public record StreamReport(String stream, String state, List<String> errors, List<ObjectReport> objects) {

  /** Copies the lists. */
  public StreamReport {
    errors = List.copyOf(errors);
    objects = List.copyOf(objects);
  }

  /**
   * @param table {@code schema.table}
   * @param backfill the backfill job state (NOT_STARTED, ACTIVE, COMPLETED, FAILED, ...)
   * @param errors the object's errors, one line each
   */
  public record ObjectReport(String table, String backfill, List<String> errors) {
    /** Copies the errors. */
    public ObjectReport {
      errors = List.copyOf(errors);
    }
  }

  /** @return a few lines of text for a terminal or a health page */
  public String render() {
    StringBuilder text = new StringBuilder(stream).append(": ").append(state).append('\n');
    errors.forEach(error -> text.append("  error: ").append(error).append('\n'));
    for (ObjectReport object : objects) {
      text.append("  ").append(object.table()).append(": backfill ").append(object.backfill()).append('\n');
      object.errors().forEach(error -> text.append("    error: ").append(error).append('\n'));
    }
    return text.toString();
  }
}
