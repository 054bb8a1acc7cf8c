package io.github.hybridshop.aws.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one JSON line per API invocation that is both the request log and, when the invocation
 * sold, replayed, ran out of stock or met a database outage, a CloudWatch Embedded Metric Format
 * document: CloudWatch Logs extracts the metrics from the {@code _aws} member, so no metrics SDK
 * or network call sits on the request path. Metrics go to namespace {@value #NAMESPACE} with the
 * dimension sets {@code [Function]} and {@code [Function, Route]} (a dozen routes, a handful of
 * functions: low cardinality), all with unit {@code Count}; an invocation without any of them
 * writes the plain log line. For example:
 *
 * <pre>{@code
 * {"type":"request","requestId":"6f1c…","apiRequestId":"Jx9…","route":"POST /orders","status":201,
 *  "durationMs":14,"coldStart":false,"orderId":42,"units":3,"replay":false,
 *  "Function":"shop-orders","Route":"POST /orders","OrdersPlaced":1,"UnitsSold":3,
 *  "_aws":{"Timestamp":1764672000000,"CloudWatchMetrics":[{"Namespace":"HybridShop",
 *    "Dimensions":[["Function"],["Function","Route"]],
 *    "Metrics":[{"Name":"OrdersPlaced","Unit":"Count"},{"Name":"UnitsSold","Unit":"Count"}]}]}}
 * }</pre>
 */
public final class EmfLog implements InvocationSink {
  /** The CloudWatch namespace of the business metrics. */
  public static final String NAMESPACE = "HybridShop";
  /** New orders. */
  public static final String ORDERS_PLACED = "OrdersPlaced";
  /** Units in new orders. */
  public static final String UNITS_SOLD = "UnitsSold";
  /** Carts refused with 409 {@code insufficient-stock}. */
  public static final String STOCK_OUTS = "StockOuts";
  /** Replayed idempotency keys answered with their first order. */
  public static final String IDEMPOTENT_REPLAYS = "IdempotentReplays";
  /** 503 {@code database-unavailable} answers. */
  public static final String DATABASE_UNAVAILABLE = "DatabaseUnavailable";

  private static final List<List<String>> DIMENSIONS = List.of(List.of("Function"), List.of("Function", "Route"));

  private final JsonLines out;
  private final String function;

  /**
   * Writes to given lines.
   *
   * @param out where the lines go
   * @param function the {@code Function} dimension's value, the Lambda function's name
   */
  public EmfLog(JsonLines out, String function) {
    this.out = Objects.requireNonNull(out, "out");
    this.function = Objects.requireNonNull(function, "function");
  }

  /**
   * Writes to stdout, the Lambda function's log, named by {@code AWS_LAMBDA_FUNCTION_NAME}
   * ({@code local} outside Lambda).
   *
   * @return the sink for a Lambda handler
   */
  public static EmfLog lambda() {
    String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    return new EmfLog(JsonLines.stdout(), name == null || name.isBlank() ? "local" : name);
  }

  @Override
  public void record(Invocation invocation) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "request");
    putIfPresent(line, "requestId", invocation.requestId());
    putIfPresent(line, "apiRequestId", invocation.apiRequestId());
    line.put("route", invocation.route());
    line.put("status", invocation.status());
    line.put("durationMs", invocation.durationMs());
    line.put("coldStart", invocation.coldStart());
    putIfPresent(line, "problem", invocation.problem());
    Sale sale = invocation.sale();
    if (sale != null) {
      line.put("orderId", sale.orderId());
      line.put("units", sale.units());
      line.put("replay", sale.replayed());
    }

    Map<String, Object> metrics = new LinkedHashMap<>();
    if (invocation.placedOrder()) {
      metrics.put(ORDERS_PLACED, 1);
      metrics.put(UNITS_SOLD, sale.units());
    }
    if (invocation.replay()) {
      metrics.put(IDEMPOTENT_REPLAYS, 1);
    }
    if (invocation.stockOut()) {
      metrics.put(STOCK_OUTS, 1);
    }
    if (invocation.databaseUnavailable()) {
      metrics.put(DATABASE_UNAVAILABLE, 1);
    }
    if (!metrics.isEmpty()) {
      line.put("Function", function);
      line.put("Route", invocation.route());
      line.putAll(metrics);
      line.put("_aws", metadata(metrics.keySet()));
    }
    out.write(line);
  }

  private static Map<String, Object> metadata(Iterable<String> names) {
    List<Map<String, Object>> definitions = new ArrayList<>();
    for (String name : names) {
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("Name", name);
      definition.put("Unit", "Count");
      definitions.add(definition);
    }
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", DIMENSIONS);
    directive.put("Metrics", definitions);
    Map<String, Object> aws = new LinkedHashMap<>();
    aws.put("Timestamp", System.currentTimeMillis());
    aws.put("CloudWatchMetrics", List.of(directive));
    return aws;
  }

  private static void putIfPresent(Map<String, Object> line, String name, String value) {
    if (value != null) {
      line.put(name, value);
    }
  }
}
