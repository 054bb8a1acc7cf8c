package io.github.hybridshop.gcp.replication;

import java.util.Arrays;
import java.util.List;

/**
 * One row change as DuckDB will apply it: a delete or the row's new image, with the source LSN
 * that orders it and Datastream's metadata.
 *
 * @param shape the table
 * @param delete whether the row was deleted
 * @param values the row as staged text, in {@link TableShape#columns()} order (only the key
 *     columns are set for a delete); {@code null} for SQL NULL
 * @param position the source LSN of the change
 * @param sourceTimestamp when the source committed it, epoch millis
 * @param uuid the event's id in {@code datastream_metadata}
 */
record RowChange(TableShape shape, boolean delete, String[] values, long position, long sourceTimestamp, String uuid) {

  /**
   * What Debezium sends for a TOAST column the change did not touch; configured explicitly so
   * it cannot drift from the value the writer checks for.
   */
  static final String UNCHANGED_TOAST = "__debezium_unavailable_value";

  List<String> key() {
    return shape.key().stream().map(column -> values[shape.indexOf(column)]).toList();
  }

  /**
   * The same change with every untouched-TOAST placeholder replaced by the value an earlier
   * change of the same row carried, so collapsing a batch loses nothing.
   */
  RowChange fillUnchangedFrom(RowChange earlier) {
    if (delete || earlier.delete || earlier.shape != shape) {
      return this;
    }
    String[] merged = Arrays.copyOf(values, values.length);
    for (int i = 0; i < merged.length; i++) {
      if (UNCHANGED_TOAST.equals(merged[i])) {
        merged[i] = earlier.values[i];
      }
    }
    return new RowChange(shape, false, merged, position, sourceTimestamp, uuid);
  }
}
