package io.github.hybridshop.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every response the API sends: JSON bodies written by {@link JsonCodec}, and the one place a
 * {@link Problem} becomes an {@code application/problem+json} response with the headers its type
 * calls for ({@code Retry-After}, {@code WWW-Authenticate}, {@code Allow}).
 */
public final class Responses {

  /** The realm admin routes name in {@code WWW-Authenticate}. */
  static final String ADMIN_CHALLENGE = "Bearer realm=\"hybrid-shop-admin\"";

  private Responses() {}

  /**
   * Sends a JSON body.
   *
   * @param status the HTTP status
   * @param json the body, written by {@link JsonCodec}
   * @return the response
   */
  public static APIGatewayV2HTTPResponse json(int status, String json) {
    return json(status, json, Map.of());
  }

  /**
   * Sends a JSON body with extra headers.
   *
   * @param status the HTTP status
   * @param json the body, written by {@link JsonCodec}
   * @param headers extra headers such as {@code Location}
   * @return the response
   */
  public static APIGatewayV2HTTPResponse json(int status, String json, Map<String, String> headers) {
    return response(status, JsonCodec.MEDIA_TYPE, json, headers);
  }

  /**
   * Sends a problem: {@code Retry-After} with a database or part that is not up,
   * {@code WWW-Authenticate: Bearer} with {@code unauthorized}.
   *
   * @param problem the problem
   * @return the response, with the problem's status
   */
  public static APIGatewayV2HTTPResponse problem(Problem problem) {
    Map<String, String> headers = switch (problem.kind()) {
      case DATABASE_UNAVAILABLE, NOT_READY -> Map.of("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
      case UNAUTHORIZED -> Map.of("WWW-Authenticate", ADMIN_CHALLENGE);
      default -> Map.of();
    };
    return response(problem.status(), JsonCodec.PROBLEM_MEDIA_TYPE, JsonCodec.write(problem), headers);
  }

  /**
   * Answers a path no route serves.
   *
   * @param path the requested path
   * @return 404 {@code not-found}
   */
  public static APIGatewayV2HTTPResponse noRoute(String path) {
    return problem(Problem.of(ProblemType.NOT_FOUND, "No route serves " + path));
  }

  /**
   * Answers a path served with other methods.
   *
   * @param method the method used
   * @param allowed the methods the path serves
   * @return 405 {@code method-not-allowed} with {@code Allow}
   */
  public static APIGatewayV2HTTPResponse methodNotAllowed(String method, List<String> allowed) {
    String methods = String.join(", ", allowed);
    Problem problem =
        Problem.of(ProblemType.METHOD_NOT_ALLOWED, "This path does not serve " + method + "; it serves " + methods);
    return response(problem.status(), JsonCodec.PROBLEM_MEDIA_TYPE, JsonCodec.write(problem), Map.of("Allow", methods));
  }

  private static APIGatewayV2HTTPResponse response(
      int status, String mediaType, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", mediaType);
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(all)
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }
}
