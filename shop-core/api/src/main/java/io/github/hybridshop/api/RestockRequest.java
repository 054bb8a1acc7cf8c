package io.github.hybridshop.api;

/**
 * The body of {@code POST /products/{id}/restock}: {@code {quantity}}.
 *
 * @param quantity units to add
 */
public record RestockRequest(int quantity) {}
