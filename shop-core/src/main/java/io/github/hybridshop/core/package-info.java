/**
 * The shop for embedding applications: {@link io.github.hybridshop.core.Shop} (the entry point,
 * on your PostgreSQL {@code DataSource}), its settings ({@link io.github.hybridshop.core.ShopConfig}),
 * exact {@link io.github.hybridshop.core.Money}, and the sealed
 * {@link io.github.hybridshop.core.ShopException} family every operation fails with (field
 * errors, shortages, not found, idempotency conflicts).
 *
 * <p>Subpackages by feature: {@code catalog} (products and stock), {@code checkout} (orders),
 * {@code db} (the schema migrations), {@code replication} (change data capture set-up and
 * health). {@code internal} is not API.
 */
package io.github.hybridshop.core;
