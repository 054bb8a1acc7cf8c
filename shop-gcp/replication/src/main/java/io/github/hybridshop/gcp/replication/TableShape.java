package io.github.hybridshop.gcp.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/**
 * A replicated table as DuckDB holds it: the source columns with DuckDB types, then
 * {@code datastream_metadata} and the source position of the row's last change. Read from the
 * Connect schema of the change events (with {@code column.propagate.source.type} on, so numeric
 * precision and PostgreSQL type names are known), the way Datastream derives its BigQuery tables.
 *
 * @param name the DuckDB table, {@code <schema>_<table>}
 * @param columns the source columns in source order
 * @param key the primary-key columns
 */
record TableShape(String name, List<Column> columns, List<String> key) {

  /** The column holding the source LSN of the row's last applied change. */
  static final String POSITION = "_source_lsn";

  private static final String SOURCE_TYPE = "__debezium.source.column.type";
  private static final String SOURCE_LENGTH = "__debezium.source.column.length";
  private static final String SOURCE_SCALE = "__debezium.source.column.scale";

  /**
   * @param name the column name
   * @param type the DuckDB type
   * @param converter how a Connect value becomes the text staged for DuckDB to cast
   */
  record Column(String name, String type, ValueText converter) {}

  TableShape {
    columns = List.copyOf(columns);
    key = List.copyOf(key);
  }

  static TableShape of(String schema, String table, Schema rowSchema, Schema keySchema) {
    List<Column> columns = new ArrayList<>();
    for (Field field : rowSchema.fields()) {
      columns.add(new Column(field.name(), duckType(field.schema()), ValueText.of(field.schema())));
    }
    List<String> key = keySchema.fields().stream().map(Field::name).toList();
    return new TableShape(schema + "_" + table, columns, key);
  }

  int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + column);
  }

  private static String duckType(Schema schema) {
    Map<String, String> parameters = schema.parameters() == null ? Map.of() : schema.parameters();
    String sourceType = parameters.getOrDefault(SOURCE_TYPE, "");
    switch (sourceType) {
      case "INT2", "SMALLSERIAL":
        return "SMALLINT";
      case "INT4", "SERIAL":
        return "INTEGER";
      case "INT8", "BIGSERIAL", "OID":
        return "BIGINT";
      case "BOOL":
        return "BOOLEAN";
      case "FLOAT4":
        return "REAL";
      case "FLOAT8":
        return "DOUBLE";
      case "DATE":
        return "DATE";
      case "TIMESTAMP", "TIMESTAMPTZ":
        // BigQuery's TIMESTAMP is UTC; DuckDB's TIMESTAMP holding UTC keeps CAST(... AS DATE)
        // meaning the UTC day in both.
        return "TIMESTAMP";
      case "NUMERIC":
        return numeric(parameters);
      case "":
        return fromConnectType(schema);
      default:
        return "VARCHAR";
    }
  }

  private static String numeric(Map<String, String> parameters) {
    String length = parameters.get(SOURCE_LENGTH);
    String scale = parameters.get(SOURCE_SCALE);
    if (length == null || scale == null) {
      return "DECIMAL(38,9)";
    }
    int precision = Integer.parseInt(length);
    if (precision < 1 || precision > 38) {
      return "DECIMAL(38,9)";
    }
    return "DECIMAL(" + precision + "," + Integer.parseInt(scale) + ")";
  }

  private static String fromConnectType(Schema schema) {
    return switch (schema.type()) {
      case INT8, INT16 -> "SMALLINT";
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case FLOAT32 -> "REAL";
      case FLOAT64 -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      default -> "VARCHAR";
    };
  }
}
