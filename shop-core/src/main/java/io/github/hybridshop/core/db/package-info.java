/**
 * The shop's PostgreSQL schema: {@link io.github.hybridshop.core.db.ShopSchema} runs the Flyway
 * migrations shipped in this jar, for a deploy step that migrates apart from start-up
 * ({@code Shop.migrateAndConnect} does both).
 */
package io.github.hybridshop.core.db;
