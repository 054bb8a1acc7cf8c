/**
 * Products and their stock: {@link io.github.hybridshop.core.catalog.Catalog} adds, finds, lists
 * (keyset-paged, by category and name) and restocks products; {@link
 * io.github.hybridshop.core.catalog.NewProduct} and {@link
 * io.github.hybridshop.core.catalog.ProductQuery} are the validated inputs,
 * {@link io.github.hybridshop.core.catalog.Product} and {@link
 * io.github.hybridshop.core.catalog.ProductPage} the results. Get the catalog from
 * {@code Shop.catalog()}.
 */
package io.github.hybridshop.core.catalog;
