/**
 * Not API: how shop-core's own packages reach PostgreSQL ({@link
 * io.github.hybridshop.core.internal.Database}, with the shop's Jdbi set-up). It may change in any
 * release; it is public only because several shop-core packages share it. Embedders use
 * {@code Shop}, {@code ShopSchema} and the {@code replication} classes, and the modules of this
 * repository are held to the same by {@code io.github.hybridshop.core.testing.CoreInternals}.
 */
package io.github.hybridshop.core.internal;
