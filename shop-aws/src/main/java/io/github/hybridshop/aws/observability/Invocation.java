package io.github.hybridshop.aws.observability;

/**
 * What one API invocation did, as the log line and the metrics report it. It holds no header,
 * body, token or customer data: only ids, the route and what the shop did.
 *
 * @param requestId the Lambda request id (the one in the function's {@code REPORT} line), or
 *     {@code null} outside Lambda
 * @param apiRequestId API Gateway's request id, the {@code correlationId} of a 500, if sent
 * @param route the matched route key, such as {@code POST /orders}, or {@link #UNMATCHED}
 * @param status the HTTP status answered
 * @param durationMs time spent in the handler
 * @param coldStart {@code true} on the execution environment's first invocation
 * @param problem the problem type slug of an error answer, such as {@code insufficient-stock}
 * @param sale the order answered by {@code POST /orders}, or {@code null}
 */
public record Invocation(
    String requestId,
    String apiRequestId,
    String route,
    int status,
    long durationMs,
    boolean coldStart,
    String problem,
    Sale sale) {

  /** The route of requests no route matched (404 and 405 answers, malformed events). */
  public static final String UNMATCHED = "unmatched";

  /**
   * Tells whether this invocation placed a new order.
   *
   * @return {@code true} for a sale that was not a replay
   */
  public boolean placedOrder() {
    return sale != null && !sale.replayed();
  }

  /**
   * Tells whether this invocation answered a replayed idempotency key with its first order.
   *
   * @return {@code true} for a replay
   */
  public boolean replay() {
    return sale != null && sale.replayed();
  }

  /**
   * Tells whether the cart could not be bought for want of stock.
   *
   * @return {@code true} for a 409 {@code insufficient-stock}
   */
  public boolean stockOut() {
    return "insufficient-stock".equals(problem);
  }

  /**
   * Tells whether the database (or secret store) was unavailable.
   *
   * @return {@code true} for a 503 {@code database-unavailable}
   */
  public boolean databaseUnavailable() {
    return "database-unavailable".equals(problem);
  }
}
