package io.github.hybridshop.aws.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Route keys in API Gateway syntax ({@code "GET /products/{id}"}) matched against a method and
 * a path, as API Gateway does: a literal segment matches itself, {@code {name}} matches one
 * non-empty segment and binds it.
 */
public final class RouteTable {
  private final List<Route> routes;

  /**
   * Creates the table.
   *
   * @param routeKeys keys such as {@code "POST /orders"}
   * @throws IllegalArgumentException when a key is not {@code METHOD /path}
   */
  public RouteTable(Collection<String> routeKeys) {
    List<Route> parsed = new ArrayList<>();
    for (String key : routeKeys) {
      parsed.add(Route.parse(key));
    }
    this.routes = List.copyOf(parsed);
  }

  /**
   * Returns the keys in the order given.
   *
   * @return the route keys
   */
  public List<String> keys() {
    return routes.stream().map(Route::key).toList();
  }

  /**
   * Tells whether a key is in the table.
   *
   * @param routeKey a route key, possibly {@code null}
   * @return {@code true} for a known key
   */
  public boolean contains(String routeKey) {
    return routes.stream().anyMatch(route -> route.key().equals(routeKey));
  }

  /**
   * Finds the route for a request.
   *
   * @param method the HTTP method
   * @param path the raw request path, without query
   * @return the matched route with its path parameters, the methods the path allows, or no route
   */
  public Match match(String method, String path) {
    String[] segments = segments(path);
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> params = route.bind(segments);
      if (params == null) {
        continue;
      }
      if (route.method().equalsIgnoreCase(method)) {
        return new Match.Found(route.key(), params);
      }
      allowed.add(route.method());
    }
    return allowed.isEmpty() ? new Match.NoRoute() : new Match.WrongMethod(List.copyOf(allowed));
  }

  private static String[] segments(String path) {
    String trimmed = path == null ? "" : path;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  /** The outcome of {@link #match(String, String)}. */
  public sealed interface Match {
    /**
     * The route that serves the request.
     *
     * @param routeKey the matched key
     * @param pathParameters the bound {@code {name}} segments
     */
    record Found(String routeKey, Map<String, String> pathParameters) implements Match {}

    /**
     * The path exists but not for this method.
     *
     * @param allowed the methods the path does serve, for the {@code Allow} header
     */
    record WrongMethod(List<String> allowed) implements Match {}

    /** No route has this path. */
    record NoRoute() implements Match {}
  }

  private record Route(String key, String method, String[] template) {
    static Route parse(String key) {
      Objects.requireNonNull(key, "routeKey");
      int space = key.indexOf(' ');
      if (space <= 0 || !key.startsWith("/", space + 1)) {
        throw new IllegalArgumentException("route key must look like 'GET /path', got: " + key);
      }
      return new Route(key, key.substring(0, space), segments(key.substring(space + 1)));
    }

    Map<String, String> bind(String[] segments) {
      if (segments.length != template.length) {
        return null;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < template.length; i++) {
        String part = template[i];
        if (part.startsWith("{") && part.endsWith("}")) {
          if (segments[i].isEmpty()) {
            return null;
          }
          params.put(part.substring(1, part.length() - 1), segments[i]);
        } else if (!part.equals(segments[i])) {
          return null;
        }
      }
      return params;
    }
  }
}
