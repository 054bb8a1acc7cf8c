package io.github.hybridshop.gcp.replication;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads Debezium's change envelopes into {@link RowChange}s; heartbeats, tombstones and anything
 * else without a row are skipped. Not thread-safe (one engine thread uses it).
 */
final class ChangeDecoder {
  private final Map<Schema, TableShape> shapes = new HashMap<>();

  Optional<RowChange> decode(SourceRecord record) {
    if (!(record.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
      return Optional.empty();
    }
    String op = envelope.getString("op");
    boolean delete = "d".equals(op);
    if (!delete && !"c".equals(op) && !"u".equals(op) && !"r".equals(op)) {
      return Optional.empty();
    }
    Struct source = envelope.getStruct("source");
    Struct row = delete ? envelope.getStruct("before") : envelope.getStruct("after");
    Schema rowSchema = envelope.schema().field(delete ? "before" : "after").schema();
    TableShape shape =
        shapes.computeIfAbsent(
            rowSchema,
            schema -> TableShape.of(source.getString("schema"), source.getString("table"), schema, record.keySchema()));
    String[] values = new String[shape.columns().size()];
    Struct key = (Struct) record.key();
    for (int i = 0; i < values.length; i++) {
      TableShape.Column column = shape.columns().get(i);
      // REPLICA IDENTITY DEFAULT: a delete's "before" may hold only the key; the key struct always does.
      Object value = row != null ? row.get(column.name()) : null;
      if (value == null && shape.key().contains(column.name())) {
        value = key.get(column.name());
      }
      values[i] = value == null ? null : column.converter().text(value);
    }
    Long lsn = source.getInt64("lsn");
    long position = lsn == null ? 0 : lsn;
    long sourceTimestamp = source.getInt64("ts_ms");
    String uuid =
        UUID.nameUUIDFromBytes(
                (shape.name() + "|" + String.join("|", keyText(values, shape)) + "|" + position + "|" + op)
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    return Optional.of(new RowChange(shape, delete, values, position, sourceTimestamp, uuid));
  }

  private static String[] keyText(String[] values, TableShape shape) {
    return shape.key().stream().map(column -> String.valueOf(values[shape.indexOf(column)])).toArray(String[]::new);
  }
}
