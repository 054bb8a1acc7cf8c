package io.github.hybridshop.aws.local;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The answers the local API gave since it started, by route and status class, counted where
 * each response leaves the server, so every answer counts: a handler's, a 404 for an unknown
 * path, or the 500 of a handler that threw.
 */
public final class RequestCounts {
  /** The route of requests no route matched (404 and 405 answers). */
  public static final String UNMATCHED = "unmatched";

  private final Map<String, Counters> byRoute = new ConcurrentHashMap<>();

  /**
   * One route's answers.
   *
   * @param route the route key, such as {@code POST /orders}, or {@link #UNMATCHED}
   * @param requests every answer
   * @param clientErrors answers 400-499
   * @param serverErrors answers 500-599 (503 during a database outage included)
   */
  public record Route(String route, long requests, long clientErrors, long serverErrors) {}

  private static final class Counters {
    final LongAdder requests = new LongAdder();
    final LongAdder clientErrors = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
  }

  void record(String route, int status) {
    Counters counters = byRoute.computeIfAbsent(route, key -> new Counters());
    counters.requests.increment();
    if (status >= 500) {
      counters.serverErrors.increment();
    } else if (status >= 400) {
      counters.clientErrors.increment();
    }
  }

  /**
   * Returns the counts so far.
   *
   * @return one entry per route that answered at least once, by route key
   */
  public List<Route> snapshot() {
    return byRoute.entrySet().stream()
        .map(e -> new Route(e.getKey(), e.getValue().requests.sum(), e.getValue().clientErrors.sum(), e.getValue().serverErrors.sum()))
        .sorted(Comparator.comparing(Route::route))
        .toList();
  }
}
