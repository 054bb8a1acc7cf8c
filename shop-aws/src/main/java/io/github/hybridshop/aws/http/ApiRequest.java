package io.github.hybridshop.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemException;
import io.github.hybridshop.api.ProblemType;
import io.github.hybridshop.aws.observability.Sale;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A routed request: the matched route key, its path parameters, lower-cased headers, query
 * parameters and the body, decoded from base64 when API Gateway encoded it. One request is
 * served by one thread; the sale an endpoint records is read by the dispatcher after it returns.
 */
public final class ApiRequest {

  /** Largest accepted body in bytes. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private final String routeKey;
  private final Map<String, String> pathParameters;
  private final APIGatewayV2HTTPEvent event;
  private final Map<String, String> headers;
  private Sale sale;

  ApiRequest(String routeKey, Map<String, String> pathParameters, APIGatewayV2HTTPEvent event) {
    this.routeKey = routeKey;
    this.pathParameters = Map.copyOf(pathParameters);
    this.event = event;
    Map<String, String> lower = new HashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
    }
    this.headers = lower;
  }

  /**
   * Returns the matched route.
   *
   * @return a key such as {@code "GET /products/{id}"}
   */
  public String routeKey() {
    return routeKey;
  }

  /**
   * Notes the order this request is answered with, for the invocation's log line and metrics.
   *
   * @param sale the order and whether it was a replay
   */
  public void recordSale(Sale sale) {
    this.sale = sale;
  }

  Sale sale() {
    return sale;
  }

  /**
   * Returns a header, case-insensitively.
   *
   * @param name the header name
   * @return its value, if sent
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * Returns a query parameter (repeated parameters arrive comma-joined, as API Gateway sends them).
   *
   * @param name the parameter name
   * @return its value, if sent
   */
  public Optional<String> query(String name) {
    Map<String, String> parameters = event.getQueryStringParameters();
    if (parameters == null) {
      parameters = parseQuery(event.getRawQueryString());
    }
    return Optional.ofNullable(parameters.get(name));
  }

  /**
   * Returns a path parameter that names a resource by id.
   *
   * @param name the parameter, such as {@code id}
   * @param what the resource, for the message, such as {@code "Product"}
   * @return the id
   * @throws ProblemException 404 when the segment is not a positive whole number (no such resource)
   */
  public long id(String name, String what) {
    String value = pathParameters.get(name);
    if (value != null && value.length() <= 18 && !value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      long id = Long.parseLong(value);
      if (id > 0) {
        return id;
      }
    }
    throw new ProblemException(Problem.of(ProblemType.NOT_FOUND,
        what + " ids are positive whole numbers; there is no " + what.toLowerCase(Locale.ROOT) + " '" + value + "'"));
  }

  /**
   * Returns the JWT claims API Gateway's JWT authorizer verified, if one ran.
   *
   * @return the claims, empty when there was no JWT authorizer
   */
  public Map<String, String> jwtClaims() {
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    if (context == null
        || context.getAuthorizer() == null
        || context.getAuthorizer().getJwt() == null
        || context.getAuthorizer().getJwt().getClaims() == null) {
      return Map.of();
    }
    return context.getAuthorizer().getJwt().getClaims();
  }

  /**
   * Returns the JSON body's bytes, for one of {@code JsonCodec}'s readers.
   *
   * @return the body, decoded from base64 when API Gateway encoded it
   * @throws ProblemException 413 over {@value #MAX_BODY_BYTES} bytes, 415 for a non-JSON content
   *     type, 400 for a missing body
   */
  public byte[] jsonBody() {
    Optional<String> type = header("content-type");
    if (type.isPresent() && !isJson(type.get())) {
      throw new ProblemException(
          Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json, not " + type.get()));
    }
    String body = event.getBody();
    if (body == null || body.isEmpty()) {
      throw new ProblemException(
          Problem.of(ProblemType.MALFORMED_JSON, "The request body is empty; send a JSON object"));
    }
    // Cheap bound before decoding: base64 is 4/3 of the bytes, UTF-16 chars at most one byte each.
    if (body.length() > MAX_BODY_BYTES * 4 / 3 + 4) {
      throw tooLarge();
    }
    byte[] bytes;
    if (event.getIsBase64Encoded()) {
      try {
        bytes = Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw new ProblemException(
            Problem.of(ProblemType.MALFORMED_JSON, "The body is marked base64 but is not valid base64"));
      }
    } else {
      bytes = body.getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return bytes;
  }

  private static ProblemException tooLarge() {
    return new ProblemException(
        Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES + " bytes"));
  }

  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  /**
   * Parses a raw query string as API Gateway does: names and values URL-decoded, repeated
   * names joined with commas.
   *
   * @param raw the query string without {@code ?}, possibly {@code null}
   * @return the parameters
   */
  public static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.merge(name, value, (a, b) -> a + "," + b);
    }
    return out;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
