package io.github.hybridshop.aws.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;

/**
 * An {@link ApiHandler} whose routes are one {@link Dispatcher}: the API's handlers pass theirs to
 * this constructor and inherit {@link #handleRequest} and {@link #routes}, so serving an event is
 * written once. Endpoints capture what they need (the shop, the admin check) from the subclass's
 * constructor arguments.
 */
public abstract class DispatchingHandler implements ApiHandler {
  private final Dispatcher dispatcher;

  /**
   * Serves the given routes.
   *
   * @param dispatcher the routes and their endpoints
   */
  protected DispatchingHandler(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /**
   * Serves one event through the dispatcher; never throws.
   *
   * @param event the API Gateway event
   * @param context the Lambda context, for the log line's request id; local servers and tests
   *     may pass {@code null}
   * @return the response, a problem+json one for every failure
   */
  @Override
  public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return dispatcher.dispatch(event, context);
  }

  @Override
  public final List<String> routes() {
    return dispatcher.routes();
  }
}
