/**
 * The test fixture every module shares (published in shop-core's test-jar): a migrated
 * PostgreSQL 17 per JVM ({@link io.github.hybridshop.core.testing.ShopDatabaseExtension},
 * {@link io.github.hybridshop.core.testing.ShopDatabase}) and the architecture rule
 * {@link io.github.hybridshop.core.testing.CoreInternals}.
 */
package io.github.hybridshop.core.testing;
