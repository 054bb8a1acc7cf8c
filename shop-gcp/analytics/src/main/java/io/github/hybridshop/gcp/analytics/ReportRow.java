package io.github.hybridshop.gcp.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One result row of a report query, read by column name. Each warehouse adapts its own result
 * type (BigQuery's field values, a JDBC result set) so the mapping to report records is written
 * once, next to the SQL, in {@link Report}.
 */
public interface ReportRow {

  /**
   * @param column the column label
   * @return the value as text, or {@code null}
   */
  String text(String column);

  /**
   * @param column the column label
   * @return the value as a whole number; 0 for {@code NULL} (sums over no rows)
   */
  long whole(String column);

  /**
   * @param column the column label
   * @return the exact decimal value; 0 for {@code NULL}
   */
  BigDecimal decimal(String column);

  /**
   * @param column the column label
   * @return the date, or {@code null}
   */
  LocalDate date(String column);

  /**
   * @param column a timestamp column (UTC)
   * @return the instant, or {@code null}
   */
  Instant instant(String column);

  /**
   * @param column an epoch-milliseconds column
   * @return the instant, or {@code null}
   */
  default Instant epochMillis(String column) {
    String text = text(column);
    return text == null ? null : Instant.ofEpochMilli(Long.parseLong(text));
  }
}
