package io.github.hybridshop.aws.health;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.api.Health;
import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.ProblemException;
import io.github.hybridshop.api.ProblemType;
import io.github.hybridshop.aws.config.LambdaEnvironment;
import io.github.hybridshop.aws.config.ShopSource;
import io.github.hybridshop.aws.http.DatabaseOutage;
import io.github.hybridshop.aws.http.Dispatcher;
import io.github.hybridshop.aws.http.DispatchingHandler;
import io.github.hybridshop.aws.http.Responses;
import io.github.hybridshop.aws.observability.EmfLog;
import io.github.hybridshop.aws.observability.InvocationSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: 200 {@code {"status":"ok","database":"up"}} when the database answers,
 * else 503 problem+json with {@code "database":"down"} and {@code Retry-After}. Given
 * {@link ReadinessCheck}s (the local stack's replication, for instance), each part is reported
 * under its name, and the answer is 503 {@code not-ready} until every one is up.
 */
public final class HealthHandler extends DispatchingHandler {

  /** The health check. */
  public static final String CHECK = "GET /health";

  /** The routes this handler serves, in API Gateway syntax. */
  public static final List<String> ROUTES = List.of(CHECK);

  /** For Lambda: the shop of this execution environment. */
  public HealthHandler() {
    this(LambdaEnvironment.get()::shop, List.of(), EmfLog.lambda());
  }

  /**
   * Checks the shop a source gives, such as {@code LambdaEnvironment.get()::shop} or
   * {@code ShopSource.of(shop)}.
   *
   * @param shop where the shop comes from, asked on every request
   */
  public HealthHandler(ShopSource shop) {
    this(shop, List.of());
  }

  /**
   * Checks a shop and reports more parts than the database.
   *
   * @param shop where the shop comes from, asked on every request
   * @param parts the other parts that must be up, checked on every request
   */
  public HealthHandler(ShopSource shop, List<ReadinessCheck> parts) {
    this(shop, parts, InvocationSink.NONE);
  }

  /**
   * Serves the shop's health and the readiness of further parts, and reports every invocation.
   *
   * @param shop where the shop comes from, asked on every request
   * @param parts further parts that must be up for {@code 200}
   * @param sink where each invocation is reported, such as {@code EmfLog.lambda()}
   */
  public HealthHandler(ShopSource shop, List<ReadinessCheck> parts, InvocationSink sink) {
    super(routes(shop, List.copyOf(parts), sink));
  }

  private static Dispatcher routes(ShopSource shop, List<ReadinessCheck> parts, InvocationSink sink) {
    return Dispatcher.builder().reportingTo(sink).on(CHECK, request -> check(shop, parts)).build();
  }

  private static APIGatewayV2HTTPResponse check(ShopSource shop, List<ReadinessCheck> parts) {
    if (!shop.shop().isDatabaseReachable()) {
      throw new ProblemException(DatabaseOutage.problem().withDatabase("down"));
    }
    Map<String, Object> states = new LinkedHashMap<>();
    List<String> down = new ArrayList<>();
    for (ReadinessCheck part : parts) {
      ReadinessCheck.Part state = part.check();
      states.put(state.name(), state.details());
      if (!state.up()) {
        down.add(state.name());
      }
    }
    if (!down.isEmpty()) {
      throw new ProblemException(
          Problem.of(ProblemType.NOT_READY, "Not every part is up yet: " + String.join(", ", down))
              .withDatabase("up")
              .withParts(states));
    }
    return Responses.json(200, JsonCodec.write(new Health("ok", "up", states)));
  }
}
