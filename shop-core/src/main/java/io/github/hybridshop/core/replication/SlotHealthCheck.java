package io.github.hybridshop.core.replication;

import io.github.hybridshop.core.internal.Database;
import io.github.hybridshop.core.replication.SlotHealth.Verdict;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Judges the logical replication slots of a database. The failure Datastream users report most
 * is an unread slot retaining WAL until the disk fills; this check warns well before that.
 */
public final class SlotHealthCheck {
  private static final String QUERY =
      "SELECT slot_name, active,"
          + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint AS retained,"
          + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint AS lag,"
          + " coalesce(wal_status, 'unknown') AS wal_status"
          + " FROM pg_replication_slots WHERE slot_type = 'logical'";

  private final Jdbi jdbi;
  private final long warnBytes;
  private final long criticalBytes;

  /**
   * Creates the check.
   *
   * @param dataSource the source database
   * @param warnBytes retained WAL that makes the verdict {@link Verdict#WARN}
   * @param criticalBytes retained WAL that makes it {@link Verdict#CRITICAL}; set it below the
   *     server's {@code max_slot_wal_keep_size}
   */
  public SlotHealthCheck(DataSource dataSource, long warnBytes, long criticalBytes) {
    if (warnBytes <= 0 || criticalBytes < warnBytes) {
      throw new IllegalArgumentException("need 0 < warnBytes <= criticalBytes, got " + warnBytes + " and " + criticalBytes);
    }
    this.jdbi = new Database(dataSource).jdbi();
    this.warnBytes = warnBytes;
    this.criticalBytes = criticalBytes;
  }

  /**
   * Creates the check with limits of 1 GiB (warn) and 8 GiB (critical).
   *
   * @param dataSource the source database
   */
  public SlotHealthCheck(DataSource dataSource) {
    this(dataSource, 1L << 30, 8L << 30);
  }

  /**
   * Judges every logical slot.
   *
   * @return one entry per slot, by name
   */
  public List<SlotHealth> check() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(QUERY + " ORDER BY slot_name")
                .map(
                    (rs, ctx) ->
                        judge(
                            rs.getString("slot_name"),
                            rs.getBoolean("active"),
                            rs.getLong("retained"),
                            rs.getLong("lag"),
                            rs.getString("wal_status")))
                .list());
  }

  /**
   * Judges one slot.
   *
   * @param slot the slot name
   * @return its health, or empty when there is no such logical slot
   */
  public Optional<SlotHealth> check(String slot) {
    return check().stream().filter(health -> health.slot().equals(slot)).findFirst();
  }

  private SlotHealth judge(String slot, boolean active, long retained, long lag, String walStatus) {
    Verdict verdict;
    String detail;
    if ("lost".equals(walStatus)) {
      verdict = Verdict.CRITICAL;
      detail = "the slot lost WAL it needed; drop and recreate it and backfill the consumer";
    } else if (retained >= criticalBytes) {
      verdict = Verdict.CRITICAL;
      detail = "retains " + retained + " bytes of WAL (critical at " + criticalBytes + "); resume or drop the consumer";
    } else if (retained >= warnBytes) {
      verdict = Verdict.WARN;
      detail = "retains " + retained + " bytes of WAL (warning at " + warnBytes + ")";
    } else if (!active) {
      verdict = Verdict.WARN;
      detail = "no consumer connected; WAL accumulates until one reads the slot";
    } else {
      verdict = Verdict.OK;
      detail = "consumer connected, " + retained + " bytes retained";
    }
    return new SlotHealth(slot, active, retained, lag, walStatus, verdict, detail);
  }
}
