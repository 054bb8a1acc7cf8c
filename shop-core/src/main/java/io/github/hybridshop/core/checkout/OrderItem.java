package io.github.hybridshop.core.checkout;

/**
 * One requested line before validation: a product and how many units.
 *
 * @param productId the product to buy
 * @param quantity the units to buy; {@link OrderRequest} checks the range
 */
public record OrderItem(long productId, int quantity) {}
