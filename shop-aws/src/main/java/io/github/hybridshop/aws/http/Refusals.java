package io.github.hybridshop.aws.http;

import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemType;
import io.github.hybridshop.core.DuplicateProductException;
import io.github.hybridshop.core.IdempotencyConflictException;
import io.github.hybridshop.core.InsufficientStockException;
import io.github.hybridshop.core.OrderNotFoundException;
import io.github.hybridshop.core.ProductNotFoundException;
import io.github.hybridshop.core.ShopException;
import io.github.hybridshop.core.ValidationException;

/** The problem each of the shop's refusals is on the wire. */
final class Refusals {
  private Refusals() {}

  /**
   * Maps a refusal; the set of {@link ShopException} subclasses is closed, so each has a type.
   *
   * @param e the refusal
   * @return its problem
   */
  static Problem problem(ShopException e) {
    if (e instanceof ValidationException validation) {
      return Problem.invalid(validation.errors().stream()
          .map(error -> new Problem.FieldError(error.field(), error.message()))
          .toList());
    }
    if (e instanceof ProductNotFoundException || e instanceof OrderNotFoundException) {
      return Problem.of(ProblemType.NOT_FOUND, e.getMessage());
    }
    if (e instanceof InsufficientStockException stock) {
      return Problem.of(ProblemType.INSUFFICIENT_STOCK, e.getMessage())
          .withShortages(stock.shortages().stream()
              .map(s -> new Problem.Shortage(s.productId(), s.requested(), s.available()))
              .toList());
    }
    if (e instanceof IdempotencyConflictException) {
      return Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage());
    }
    if (e instanceof DuplicateProductException) {
      return Problem.of(ProblemType.DUPLICATE_PRODUCT, e.getMessage());
    }
    throw new IllegalStateException("no HTTP mapping for " + e.getClass().getName());
  }
}
