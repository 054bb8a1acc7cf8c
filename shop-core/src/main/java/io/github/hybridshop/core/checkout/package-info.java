/**
 * Buying: {@link io.github.hybridshop.core.checkout.Checkout} turns an {@link
 * io.github.hybridshop.core.checkout.OrderRequest} into an {@link
 * io.github.hybridshop.core.checkout.Order} all-or-nothing, never overselling, once per
 * idempotency key, and finds orders again. Get the checkout from {@code Shop.checkout()}.
 */
package io.github.hybridshop.core.checkout;
