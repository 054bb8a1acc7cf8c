package io.github.hybridshop.aws.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemType;
import io.github.hybridshop.aws.admin.AdminAccess;
import io.github.hybridshop.aws.admin.AdminHandler;
import io.github.hybridshop.aws.config.ShopSource;
import io.github.hybridshop.aws.health.HealthHandler;
import io.github.hybridshop.aws.health.ReadinessCheck;
import io.github.hybridshop.aws.http.ApiHandler;
import io.github.hybridshop.aws.http.ApiRequest;
import io.github.hybridshop.aws.http.Responses;
import io.github.hybridshop.aws.http.RouteTable;
import io.github.hybridshop.aws.observability.InvocationSink;
import io.github.hybridshop.aws.orders.OrdersHandler;
import io.github.hybridshop.aws.products.ProductsHandler;
import io.github.hybridshop.core.Shop;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code sam local start-api} does, without Docker: an HTTP server on the loopback
 * interface that turns each request into the {@link APIGatewayV2HTTPEvent} API Gateway's HTTP
 * API would send (payload 2.0: {@code routeKey}, {@code pathParameters}, {@code rawPath},
 * {@code rawQueryString}, lower-cased {@code headers}, {@code requestContext.http},
 * base64-encoded bodies that are not UTF-8, no authorizer) and calls the same handler objects
 * Lambda calls.
 *
 * <pre>{@code
 * try (LocalApiServer api = LocalApiServer.start(shop, "a-long-admin-token-123", 0)) {
 *   URI base = api.baseUri(); // http://127.0.0.1:<port>
 *   ...
 * }
 * }</pre>
 *
 * <p>Requests run on a bounded pool of threads. Unknown paths answer 404 and known paths with
 * another method 405 with {@code Allow}, as problem+json. Every answer is counted by route and
 * status class ({@link #requestCounts()}).
 */
public final class LocalApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalApiServer.class);

  /** Threads serving requests when not told otherwise. */
  public static final int DEFAULT_THREADS = 32;

  private static final AtomicLong REQUESTS = new AtomicLong();

  /** {@code requestContext.time} as API Gateway writes it: {@code 01/Dec/2026:06:00:00 +0000}. */
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final RouteTable table;
  private final Map<String, ApiHandler> handlers;
  private final RequestCounts counts = new RequestCounts();

  private LocalApiServer(HttpServer server, ThreadPoolExecutor pool, List<? extends ApiHandler> handlers) {
    this.server = server;
    this.pool = pool;
    Map<String, ApiHandler> byRoute = new LinkedHashMap<>();
    for (ApiHandler handler : handlers) {
      for (String route : handler.routes()) {
        if (byRoute.putIfAbsent(route, handler) != null) {
          throw new IllegalArgumentException("two handlers serve " + route);
        }
      }
    }
    this.handlers = Map.copyOf(byRoute);
    this.table = new RouteTable(byRoute.keySet());
  }

  /**
   * Serves the whole shop API on {@code 127.0.0.1}: products, admin (this bearer token),
   * orders and health.
   *
   * @param shop the shop to serve
   * @param adminToken the admin bearer token, at least 16 characters
   * @param port the port, or 0 for any free one (read it back with {@link #port()})
   * @return the running server
   * @throws IOException when the port cannot be bound
   */
  public static LocalApiServer start(Shop shop, String adminToken, int port) throws IOException {
    return start(shop, adminToken, port, List.of(), List.of(), InvocationSink.NONE);
  }

  /**
   * Serves the whole shop API as {@link #start(Shop, String, int)} does, with a {@code /health}
   * that also reports other parts, and more routes.
   *
   * @param shop the shop to serve
   * @param adminToken the admin bearer token, at least 16 characters
   * @param port the port, or 0 for any free one
   * @param readiness the parts besides the database {@code /health} reports and waits for
   * @param more handlers of further routes, such as the local stack's {@code GET /status}
   * @param sink where the shop's handlers report each invocation, as they write EMF lines in
   *     Lambda (such as a {@code ShopCounters} the local status shows)
   * @return the running server
   * @throws IOException when the port cannot be bound
   */
  public static LocalApiServer start(
      Shop shop,
      String adminToken,
      int port,
      List<ReadinessCheck> readiness,
      List<? extends ApiHandler> more,
      InvocationSink sink)
      throws IOException {
    ShopSource source = ShopSource.of(shop);
    List<ApiHandler> handlers = new ArrayList<>();
    handlers.add(new ProductsHandler(source, sink));
    handlers.add(new AdminHandler(source, AdminAccess.bearerToken(adminToken), sink));
    handlers.add(new OrdersHandler(source, sink));
    handlers.add(new HealthHandler(source, readiness, sink));
    handlers.addAll(more);
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), DEFAULT_THREADS, handlers);
  }

  /**
   * Serves any set of handlers.
   *
   * @param address where to listen
   * @param threads most requests served at once; more wait in a queue
   * @param handlers the handlers; each route may be served by one only
   * @return the running server
   * @throws IOException when the address cannot be bound
   */
  public static LocalApiServer start(InetSocketAddress address, int threads, List<? extends ApiHandler> handlers)
      throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK, adding ~40 ms to every response. Read once, when the server classes load.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer server;
    try {
      server = HttpServer.create(address, 256);
    } catch (BindException e) {
      throw new BindException(
          "the API could not listen on " + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage()
              + " (is another process using the port?)");
    }
    AtomicInteger counter = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4096),
            task -> {
              Thread thread = new Thread(task, "local-api-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    LocalApiServer api = new LocalApiServer(server, pool, handlers);
    server.createContext("/", api::serve);
    server.setExecutor(pool);
    server.start();
    return api;
  }

  /**
   * Returns the bound port.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns the base URI.
   *
   * @return {@code http://127.0.0.1:<port>} (or the bound host)
   */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
  }

  /**
   * Returns what the server answered so far.
   *
   * @return the live counts, by route and status class
   */
  public RequestCounts requestCounts() {
    return counts;
  }

  /** Stops accepting requests, lets running ones finish for up to a second, and stops the threads. */
  @Override
  public void close() {
    server.stop(1);
    pool.shutdown();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getRawPath();
      RouteTable.Match match = table.match(method, path);
      APIGatewayV2HTTPResponse response;
      try {
        response = respond(exchange, method, path, match);
      } catch (RuntimeException e) {
        String correlationId = "local-failure-" + REQUESTS.incrementAndGet();
        LOG.error("local API failed on {} {}, correlation id {}",
            exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), correlationId, e);
        response = Responses.problem(Problem.of(ProblemType.INTERNAL_ERROR,
                "Something went wrong in the local API server; quote correlation id " + correlationId)
            .withCorrelationId(correlationId));
      }
      counts.record(match instanceof RouteTable.Match.Found found ? found.routeKey() : RequestCounts.UNMATCHED, response.getStatusCode());
      write(exchange, response);
    }
  }

  private APIGatewayV2HTTPResponse respond(HttpExchange exchange, String method, String path, RouteTable.Match match)
      throws IOException {
    if (match instanceof RouteTable.Match.WrongMethod wrong) {
      return Responses.methodNotAllowed(method, wrong.allowed());
    }
    if (!(match instanceof RouteTable.Match.Found found)) {
      return Responses.noRoute(path);
    }
    APIGatewayV2HTTPEvent event = event(exchange, method, path, found);
    return handlers.get(found.routeKey()).handleRequest(event, null);
  }

  private static APIGatewayV2HTTPEvent event(
      HttpExchange exchange, String method, String path, RouteTable.Match.Found found) throws IOException {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    byte[] body = readBounded(exchange.getRequestBody());
    String text = body.length == 0 ? null : utf8(body);
    Instant now = Instant.now();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(found.routeKey())
        .withRawPath(path)
        .withRawQueryString(rawQuery == null ? "" : rawQuery)
        .withHeaders(headers(exchange.getRequestHeaders()))
        .withQueryStringParameters(query(rawQuery))
        .withPathParameters(found.pathParameters().isEmpty() ? null : found.pathParameters())
        .withBody(body.length == 0 ? null : text != null ? text : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(body.length > 0 && text == null)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(found.routeKey())
                .withAccountId("local")
                .withApiId("local")
                .withStage("$default")
                .withDomainName("localhost")
                .withDomainPrefix("localhost")
                .withRequestId("local-" + REQUESTS.incrementAndGet())
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol(exchange.getProtocol())
                        .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                        .withUserAgent(exchange.getRequestHeaders().getFirst("User-Agent"))
                        .build())
                .build())
        .build();
  }

  /** Reads at most one byte more than the handlers accept, so an oversized body is seen as such. */
  private static byte[] readBounded(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(ApiRequest.MAX_BODY_BYTES + 1);
    in.transferTo(OutputStream.nullOutputStream());
    return bytes;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Map<String, String> headers(Headers headers) {
    Map<String, String> out = new HashMap<>();
    headers.forEach((name, values) -> out.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    return out;
  }

  private static Map<String, String> query(String rawQuery) {
    return rawQuery == null || rawQuery.isEmpty() ? null : ApiRequest.parseQuery(rawQuery);
  }

  private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
    byte[] body =
        response.getBody() == null
            ? new byte[0]
            : response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    }
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
    }
    exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }
}
