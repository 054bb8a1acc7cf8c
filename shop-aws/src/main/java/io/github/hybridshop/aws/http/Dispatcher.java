package io.github.hybridshop.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemException;
import io.github.hybridshop.api.ProblemType;
import io.github.hybridshop.core.ShopException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes an API Gateway event to one of a handler's endpoints and turns every failure into a
 * problem response: refusals by their type, outages as 503, anything else as a 500 whose
 * correlation id is logged with the stack trace (and only the id is sent to the client).
 *
 * <p>The route comes from the event's {@code routeKey} when API Gateway matched one of ours;
 * for {@code $default} routes and function URLs it is matched from the method and path.
 */
public final class Dispatcher {

  /** One endpoint: reads the request, returns the response, throws refusals. */
  @FunctionalInterface
  public interface Endpoint {
    /**
     * Serves one request.
     *
     * @param request the routed request
     * @return the response
     */
    APIGatewayV2HTTPResponse serve(ApiRequest request);
  }

  private final RouteTable table;
  private final Map<String, Endpoint> endpoints;

  private Dispatcher(Map<String, Endpoint> endpoints) {
    this.endpoints = Map.copyOf(endpoints);
    this.table = new RouteTable(endpoints.keySet());
  }

  /**
   * Starts an empty dispatcher; add endpoints with {@link Builder#on(String, Endpoint)}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the served route keys.
   *
   * @return the keys in the order they were added
   */
  public List<String> routes() {
    return table.keys();
  }

  /**
   * Serves an event; never throws.
   *
   * @param event the API Gateway event
   * @return the response, a problem+json one for every failure
   */
  public APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event) {
    try {
      if (event == null) {
        return Responses.problem(Problem.of(ProblemType.MALFORMED_REQUEST, "No request event"));
      }
      String routeKey = event.getRouteKey();
      if (routeKey == null && event.getRequestContext() != null) {
        routeKey = event.getRequestContext().getRouteKey();
      }
      if (table.contains(routeKey)) {
        Map<String, String> params = event.getPathParameters();
        return serve(new ApiRequest(routeKey, params == null ? Map.of() : params, event));
      }
      String method = null;
      if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
        method = event.getRequestContext().getHttp().getMethod();
      }
      RouteTable.Match match = table.match(method, event.getRawPath());
      if (match instanceof RouteTable.Match.Found found) {
        return serve(new ApiRequest(found.routeKey(), found.pathParameters(), event));
      }
      if (match instanceof RouteTable.Match.WrongMethod wrong) {
        return Responses.methodNotAllowed(method, wrong.allowed());
      }
      return Responses.noRoute(event.getRawPath());
    } catch (RuntimeException e) {
      return failure(event, e);
    }
  }

  private APIGatewayV2HTTPResponse serve(ApiRequest request) {
    try {
      return endpoints.get(request.routeKey()).serve(request);
    } catch (ProblemException e) {
      return Responses.problem(e.problem());
    } catch (ShopException e) {
      return Responses.problem(Refusals.problem(e));
    }
  }

  private static APIGatewayV2HTTPResponse failure(APIGatewayV2HTTPEvent event, RuntimeException e) {
    if (DatabaseOutage.isOutage(e)) {
      Log.LOG.warn("database unavailable: {}", e.toString());
      return Responses.problem(DatabaseOutage.problem());
    }
    String correlationId = correlationId(event);
    Log.LOG.error("unexpected failure, correlation id {}", correlationId, e);
    return Responses.problem(
        Problem.of(ProblemType.INTERNAL_ERROR, "Something went wrong on our side; quote correlation id " + correlationId)
            .withCorrelationId(correlationId));
  }

  private static String correlationId(APIGatewayV2HTTPEvent event) {
    if (event != null && event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
      return event.getRequestContext().getRequestId();
    }
    return UUID.randomUUID().toString();
  }

  /** Starts SLF4J on the first log line, not on the cold path of every function. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  }

  /** Collects endpoints by route key. */
  public static final class Builder {
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds an endpoint.
     *
     * @param routeKey such as {@code "POST /orders"}
     * @param endpoint what serves it
     * @return this builder
     */
    public Builder on(String routeKey, Endpoint endpoint) {
      if (endpoints.putIfAbsent(routeKey, endpoint) != null) {
        throw new IllegalArgumentException("route added twice: " + routeKey);
      }
      return this;
    }

    /**
     * Builds the dispatcher.
     *
     * @return the dispatcher
     */
    public Dispatcher build() {
      return new Dispatcher(endpoints);
    }
  }
}
