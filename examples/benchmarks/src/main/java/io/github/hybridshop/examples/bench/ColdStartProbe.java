package io.github.hybridshop.examples.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Run in a fresh JVM by {@code coldstart}: does what the Lambda runtime does on a cold start
 * (load the handler class, call its no-argument constructor) and serves one
 * {@code GET /products} event. Only needs the Lambda interfaces and the handler on the class
 * path. Arguments: the handler class, and text the body must contain; exits 0 when the answer is
 * 200 with that text (a product for the shop, so an empty or failed read cannot pass).
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
        (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
            Class.forName(args[0]).getConstructor().newInstance();
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withVersion("2.0")
            .withRouteKey("GET /products")
            .withRawPath("/products")
            .withRawQueryString("")
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRouteKey("GET /products")
                    .withRequestId("cold-start")
                    .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/products").build())
                    .build())
            .build();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    boolean served = response.getStatusCode() == 200 && response.getBody() != null && response.getBody().contains(args[1]);
    System.out.println(served ? response.getStatusCode() : response.getStatusCode() + " " + response.getBody());
    System.exit(served ? 0 : 1);
  }
}
