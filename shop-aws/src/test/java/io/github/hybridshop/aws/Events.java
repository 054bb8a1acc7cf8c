package io.github.hybridshop.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.hybridshop.aws.http.ApiRequest;
import io.github.hybridshop.api.JsonCodec;
import java.util.HashMap;
import java.util.Map;

/** Builds API Gateway payload 2.0 events the way API Gateway does, for calling handlers directly. */
public final class Events {
  private Events() {}

  public static APIGatewayV2HTTPEvent get(String routeKey, String path) {
    return event(routeKey, path, Map.of(), null, Map.of());
  }

  public static APIGatewayV2HTTPEvent post(String routeKey, String path, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.putIfAbsent("content-type", "application/json");
    return event(routeKey, path, all, body, Map.of());
  }

  public static APIGatewayV2HTTPEvent event(
      String routeKey, String path, Map<String, String> headers, String body, Map<String, String> claims) {
    String method = routeKey.equals("$default") ? "GET" : routeKey.substring(0, routeKey.indexOf(' '));
    String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = null;
    if (!claims.isEmpty()) {
      APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
      jwt.setClaims(claims);
      authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
      authorizer.setJwt(jwt);
    }
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(rawPath)
        .withRawQueryString(query)
        .withHeaders(headers)
        .withQueryStringParameters(query.isEmpty() ? null : ApiRequest.parseQuery(query))
        .withPathParameters(pathParameters(routeKey, rawPath))
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(routeKey)
                .withRequestId("test-request")
                .withAuthorizer(authorizer)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(rawPath).build())
                .build())
        .build();
  }

  private static Map<String, String> pathParameters(String routeKey, String rawPath) {
    if (!routeKey.contains("{id}")) {
      return null;
    }
    String[] template = routeKey.substring(routeKey.indexOf(' ') + 1).split("/");
    String[] parts = rawPath.split("/", -1);
    for (int i = 0; i < template.length && i < parts.length; i++) {
      if (template[i].equals("{id}")) {
        return Map.of("id", parts[i]);
      }
    }
    return null;
  }

  public static JsonNode json(APIGatewayV2HTTPResponse response) {
    return JsonCodec.readTree(response.getBody());
  }
}
