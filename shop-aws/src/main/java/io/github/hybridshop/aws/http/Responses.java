package io.github.hybridshop.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/** Successful JSON responses. */
public final class Responses {
  private Responses() {}

  /**
   * Writes a JSON body.
   *
   * @param status the HTTP status
   * @param body maps, lists and scalars
   * @return the response
   */
  public static APIGatewayV2HTTPResponse json(int status, Object body) {
    return json(status, body, Map.of());
  }

  /**
   * Writes a JSON body with extra headers.
   *
   * @param status the HTTP status
   * @param body maps, lists and scalars
   * @param headers extra headers such as {@code Location}
   * @return the response
   */
  public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Content-Type", "application/json");
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(all)
        .withBody(Json.write(body))
        .withIsBase64Encoded(false)
        .build();
  }
}
