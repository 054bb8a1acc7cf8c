package io.github.hybridshop.gcp.replication;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.apache.kafka.connect.data.Schema;

/**
 * Turns one Connect field value into the text DuckDB casts into the column type. Debezium sends
 * {@code timestamptz} as an ISO string with offset, {@code numeric} as a decimal string
 * ({@code decimal.handling.mode=string}), dates as epoch days and timestamps as epoch micros.
 */
@FunctionalInterface
interface ValueText {
  DateTimeFormatter UTC_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  String text(Object value);

  static ValueText of(Schema schema) {
    String name = schema.name() == null ? "" : schema.name();
    return switch (name) {
      case "io.debezium.time.ZonedTimestamp" ->
          value -> UTC_TIMESTAMP.format(OffsetDateTime.parse((String) value).withOffsetSameInstant(ZoneOffset.UTC));
      case "io.debezium.time.Date" -> value -> LocalDate.ofEpochDay(((Number) value).longValue()).toString();
      case "io.debezium.time.MicroTimestamp" ->
          value -> {
            long micros = ((Number) value).longValue();
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            return UTC_TIMESTAMP.format(instant.atOffset(ZoneOffset.UTC));
          };
      case "io.debezium.time.Timestamp" ->
          value -> UTC_TIMESTAMP.format(Instant.ofEpochMilli(((Number) value).longValue()).atOffset(ZoneOffset.UTC));
      default -> ValueText::plain;
    };
  }

  private static String plain(Object value) {
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return HexFormat.of().formatHex(bytes);
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    return value.toString();
  }
}
