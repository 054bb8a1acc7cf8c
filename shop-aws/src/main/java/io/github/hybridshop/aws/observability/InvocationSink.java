package io.github.hybridshop.aws.observability;

/**
 * Where the API handlers report each invocation: in Lambda, {@link EmfLog} (one JSON log line
 * carrying CloudWatch Embedded Metric Format metrics, on stdout); in a local process,
 * {@link ShopCounters}, which an operator's status page reads. Called once per invocation on the
 * request path, so implementations only format or count, never call out.
 */
@FunctionalInterface
public interface InvocationSink {

  /** Reports nothing. */
  InvocationSink NONE = invocation -> {};

  /**
   * Reports one invocation.
   *
   * @param invocation what it did
   */
  void record(Invocation invocation);

  /**
   * Reports to this sink and then to another.
   *
   * @param next the other sink
   * @return a sink reporting to both
   */
  default InvocationSink andThen(InvocationSink next) {
    return invocation -> {
      record(invocation);
      next.record(invocation);
    };
  }
}
