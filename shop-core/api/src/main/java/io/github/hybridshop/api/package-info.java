/**
 * The shop HTTP API as Java values: the request and response records, the problem types a
 * refusal can carry, and {@link io.github.hybridshop.api.JsonCodec}, the one JSON codec the Lambda
 * handlers answer with and the typed client reads with, so the two sides cannot drift apart.
 *
 * <p>Money is a plain decimal string ({@code "12.50"}) next to its ISO 4217 currency code, so
 * every client reads it exactly; instants are ISO-8601 UTC; refusals are RFC 9457
 * {@code application/problem+json} documents whose {@code type} is one of {@link
 * io.github.hybridshop.api.ProblemType}.
 */
package io.github.hybridshop.api;
