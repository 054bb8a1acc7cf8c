package io.github.hybridshop.core.replication;

/**
 * The state of one logical replication slot.
 *
 * @param slot the slot name
 * @param active whether a consumer is connected right now
 * @param retainedWalBytes WAL the server keeps for this slot (from its restart LSN); grows
 *     without bound while the consumer is away and can fill the disk
 * @param confirmedFlushLagBytes WAL written since the consumer last confirmed
 * @param walStatus PostgreSQL's {@code wal_status}: reserved, extended, unreserved or lost
 * @param verdict the overall judgement
 * @param detail why the verdict is what it is, for operators
 */
public record SlotHealth(
    String slot,
    boolean active,
    long retainedWalBytes,
    long confirmedFlushLagBytes,
    String walStatus,
    Verdict verdict,
    String detail) {

  /** How worried an operator should be. */
  public enum Verdict {
    /** A consumer is reading and retained WAL is below the warning limit. */
    OK,
    /** No consumer is connected, or retained WAL passed the warning limit. */
    WARN,
    /** Retained WAL passed the critical limit, or the slot lost WAL and must be recreated. */
    CRITICAL
  }
}
