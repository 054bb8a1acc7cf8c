package io.github.hybridshop.aws.observability;

/**
 * An order a {@code POST /orders} answered with.
 *
 * @param orderId the order's id, what identifies it in the response
 * @param units the units it holds
 * @param replayed {@code true} when its idempotency key had placed it before (nothing was sold now)
 */
public record Sale(long orderId, int units, boolean replayed) {}
