package io.github.hybridshop.aws.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemException;
import io.github.hybridshop.api.ProblemType;
import io.github.hybridshop.aws.observability.ColdStart;
import io.github.hybridshop.aws.observability.Invocation;
import io.github.hybridshop.aws.observability.InvocationSink;
import io.github.hybridshop.aws.observability.Sale;
import io.github.hybridshop.core.ShopException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>Every invocation, whatever it answered, is reported once to the builder's
 * {@link InvocationSink} (in Lambda the JSON log line with its metrics).
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
  private final InvocationSink sink;
  private final ColdStart coldStart = new ColdStart();

  private Dispatcher(Map<String, Endpoint> endpoints, InvocationSink sink) {
    this.sink = sink;
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
    return dispatch(event, null);
  }

  /**
   * Serves an event and reports it to the sink; never throws.
   *
   * @param event the API Gateway event
   * @param context the Lambda context, for the request id; {@code null} outside Lambda
   * @return the response, a problem+json one for every failure
   */
  public APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event, Context context) {
    long started = System.nanoTime();
    Served served = serveEvent(event);
    sink.record(new Invocation(
        context == null ? null : context.getAwsRequestId(),
        apiRequestId(event),
        served.route(),
        served.response().getStatusCode(),
        (System.nanoTime() - started) / 1_000_000,
        coldStart.next(),
        served.problem(),
        served.sale()));
    return served.response();
  }

  /** What one event was answered with, and what its report says about it. */
  private record Served(String route, APIGatewayV2HTTPResponse response, String problem, Sale sale) {
    static Served unmatched(APIGatewayV2HTTPResponse response, ProblemType type) {
      return new Served(Invocation.UNMATCHED, response, type.slug(), null);
    }
  }

  private Served serveEvent(APIGatewayV2HTTPEvent event) {
    ApiRequest request = null;
    try {
      if (event == null) {
        return Served.unmatched(
            Responses.problem(Problem.of(ProblemType.MALFORMED_REQUEST, "No request event")),
            ProblemType.MALFORMED_REQUEST);
      }
      String routeKey = event.getRouteKey();
      if (routeKey == null && event.getRequestContext() != null) {
        routeKey = event.getRequestContext().getRouteKey();
      }
      if (table.contains(routeKey)) {
        Map<String, String> params = event.getPathParameters();
        request = new ApiRequest(routeKey, params == null ? Map.of() : params, event);
        return serve(request);
      }
      String method = null;
      if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
        method = event.getRequestContext().getHttp().getMethod();
      }
      RouteTable.Match match = table.match(method, event.getRawPath());
      if (match instanceof RouteTable.Match.Found found) {
        request = new ApiRequest(found.routeKey(), found.pathParameters(), event);
        return serve(request);
      }
      if (match instanceof RouteTable.Match.WrongMethod wrong) {
        return Served.unmatched(Responses.methodNotAllowed(method, wrong.allowed()), ProblemType.METHOD_NOT_ALLOWED);
      }
      return Served.unmatched(Responses.noRoute(event.getRawPath()), ProblemType.NOT_FOUND);
    } catch (RuntimeException e) {
      return refused(request, failure(event, e));
    }
  }

  private Served serve(ApiRequest request) {
    try {
      APIGatewayV2HTTPResponse response = endpoints.get(request.routeKey()).serve(request);
      return new Served(request.routeKey(), response, null, request.sale());
    } catch (ProblemException e) {
      return refused(request, e.problem());
    } catch (ShopException e) {
      return refused(request, Refusals.problem(e));
    }
  }

  private static Served refused(ApiRequest request, Problem problem) {
    String route = request == null ? Invocation.UNMATCHED : request.routeKey();
    return new Served(route, Responses.problem(problem), problem.kind().slug(), null);
  }

  private static Problem failure(APIGatewayV2HTTPEvent event, RuntimeException e) {
    if (DatabaseOutage.isOutage(e)) {
      Log.LOG.warn("database unavailable: {}", e.toString());
      return DatabaseOutage.problem();
    }
    String correlationId = correlationId(event);
    Log.LOG.error("unexpected failure, correlation id {}", correlationId, e);
    return Problem.of(ProblemType.INTERNAL_ERROR, "Something went wrong on our side; quote correlation id " + correlationId)
        .withCorrelationId(correlationId);
  }

  private static String correlationId(APIGatewayV2HTTPEvent event) {
    String id = apiRequestId(event);
    return id != null ? id : UUID.randomUUID().toString();
  }

  private static String apiRequestId(APIGatewayV2HTTPEvent event) {
    return event != null && event.getRequestContext() != null ? event.getRequestContext().getRequestId() : null;
  }

  /** Starts SLF4J on the first log line, not on the cold path of every function. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  }

  /** Collects endpoints by route key. */
  public static final class Builder {
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private InvocationSink sink = InvocationSink.NONE;

    private Builder() {}

    /**
     * Reports every invocation to a sink (none by default).
     *
     * @param sink such as {@code EmfLog.lambda()}
     * @return this builder
     */
    public Builder reportingTo(InvocationSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

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
      return new Dispatcher(endpoints, sink);
    }
  }
}
