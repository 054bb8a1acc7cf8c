package io.github.hybridshop.aws.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;

/**
 * A Lambda handler for API Gateway HTTP API events (payload 2.0) that serves a fixed set of
 * routes. The handlers in this module ignore the Lambda {@code Context}, so local servers and
 * tests may pass {@code null}.
 */
public interface ApiHandler extends RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  /**
   * Returns the routes this handler serves.
   *
   * @return route keys in API Gateway syntax, such as {@code "GET /products/{id}"}
   */
  List<String> routes();
}
