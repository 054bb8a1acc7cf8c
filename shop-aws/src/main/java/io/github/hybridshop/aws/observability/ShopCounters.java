package io.github.hybridshop.aws.observability;

import java.util.concurrent.atomic.LongAdder;

/**
 * The business metrics {@link EmfLog} publishes, counted in process, for a local stack's status
 * page and for tests. Thread-safe.
 */
public final class ShopCounters implements InvocationSink {
  private final LongAdder ordersPlaced = new LongAdder();
  private final LongAdder unitsSold = new LongAdder();
  private final LongAdder stockOuts = new LongAdder();
  private final LongAdder replays = new LongAdder();
  private final LongAdder databaseUnavailable = new LongAdder();

  /**
   * The counts at one moment.
   *
   * @param ordersPlaced new orders
   * @param unitsSold units in new orders
   * @param stockOuts carts refused for want of stock (409 {@code insufficient-stock})
   * @param idempotentReplays replayed keys answered with their first order
   * @param databaseUnavailable 503 {@code database-unavailable} answers
   */
  public record Snapshot(
      long ordersPlaced, long unitsSold, long stockOuts, long idempotentReplays, long databaseUnavailable) {}

  @Override
  public void record(Invocation invocation) {
    if (invocation.placedOrder()) {
      ordersPlaced.increment();
      unitsSold.add(invocation.sale().units());
    }
    if (invocation.replay()) {
      replays.increment();
    }
    if (invocation.stockOut()) {
      stockOuts.increment();
    }
    if (invocation.databaseUnavailable()) {
      databaseUnavailable.increment();
    }
  }

  /**
   * Returns the counts so far.
   *
   * @return the snapshot
   */
  public Snapshot snapshot() {
    return new Snapshot(
        ordersPlaced.sum(), unitsSold.sum(), stockOuts.sum(), replays.sum(), databaseUnavailable.sum());
  }
}
