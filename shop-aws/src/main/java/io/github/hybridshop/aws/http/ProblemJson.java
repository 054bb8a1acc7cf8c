package io.github.hybridshop.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.core.DuplicateProductException;
import io.github.hybridshop.core.FieldError;
import io.github.hybridshop.core.IdempotencyConflictException;
import io.github.hybridshop.core.InsufficientStockException;
import io.github.hybridshop.core.OrderNotFoundException;
import io.github.hybridshop.core.ProductNotFoundException;
import io.github.hybridshop.core.ShopException;
import io.github.hybridshop.core.Shortage;
import io.github.hybridshop.core.ValidationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps refusals to RFC 9457 {@code application/problem+json} responses.
 *
 * <p>Problem types are {@value #TYPE_BASE} followed by a slug: {@code validation},
 * {@code malformed-json}, {@code not-found}, {@code method-not-allowed}, {@code unauthorized},
 * {@code duplicate-product}, {@code insufficient-stock}, {@code idempotency-key-reused},
 * {@code payload-too-large}, {@code unsupported-media-type}, {@code database-unavailable} and
 * {@code internal-error}.
 */
public final class ProblemJson {

  /** The media type of every error response. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The prefix of every problem type URI. */
  public static final String TYPE_BASE = "https://hybridshop.github.io/problems/";

  private ProblemJson() {}

  /**
   * Maps a shop refusal to its problem; the compiler-visible set of {@link ShopException}
   * subclasses is closed, so every one has a status here.
   *
   * @param e the refusal
   * @return the problem to send
   */
  public static Problem of(ShopException e) {
    if (e instanceof ValidationException validation) {
      List<Map<String, String>> errors =
          validation.errors().stream().map(ProblemJson::fieldError).toList();
      return Problem.of(400, "validation", "Invalid request", e.getMessage()).with("errors", errors);
    }
    if (e instanceof ProductNotFoundException || e instanceof OrderNotFoundException) {
      return Problem.of(404, "not-found", "Not found", e.getMessage());
    }
    if (e instanceof InsufficientStockException stock) {
      List<Map<String, Object>> shortages =
          stock.shortages().stream().map(ProblemJson::shortage).toList();
      return Problem.of(409, "insufficient-stock", "Insufficient stock", e.getMessage())
          .with("shortages", shortages);
    }
    if (e instanceof IdempotencyConflictException) {
      return Problem.of(422, "idempotency-key-reused", "Idempotency key reused", e.getMessage());
    }
    if (e instanceof DuplicateProductException) {
      return Problem.of(409, "duplicate-product", "Duplicate product", e.getMessage());
    }
    throw new IllegalStateException("no HTTP mapping for " + e.getClass().getName());
  }

  /**
   * Writes a problem as a Lambda proxy response.
   *
   * @param problem the problem
   * @return the response with {@code Content-Type: application/problem+json}
   */
  public static APIGatewayV2HTTPResponse response(Problem problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + problem.slug());
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.putAll(problem.extensions());
    Map<String, String> headers = new HashMap<>(problem.headers());
    headers.put("Content-Type", MEDIA_TYPE);
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(problem.status())
        .withHeaders(headers)
        .withBody(Json.write(body))
        .withIsBase64Encoded(false)
        .build();
  }

  private static Map<String, String> fieldError(FieldError error) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("field", error.field());
    out.put("message", error.message());
    return out;
  }

  private static Map<String, Object> shortage(Shortage shortage) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("productId", shortage.productId());
    out.put("requested", shortage.requested());
    out.put("available", shortage.available());
    return out;
  }
}
