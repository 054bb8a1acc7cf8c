package io.github.hybridshop.examples.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.api.JsonWriter;
import io.github.hybridshop.aws.health.ReadinessCheck;
import io.github.hybridshop.aws.http.ApiHandler;
import io.github.hybridshop.aws.http.ApiRequest;
import io.github.hybridshop.aws.http.Dispatcher;
import io.github.hybridshop.aws.http.Responses;
import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.aws.local.RequestCounts;
import io.github.hybridshop.aws.observability.ShopCounters;
import io.github.hybridshop.core.replication.SlotHealth;
import io.github.hybridshop.core.replication.SlotHealthCheck;
import io.github.hybridshop.gcp.analytics.Warehouse;
import io.github.hybridshop.gcp.replication.LocalReplicator;
import io.github.hybridshop.gcp.web.WebApp;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What an operator of the local stack looks at first: {@code GET /status} on the local API, and
 * the replication and web-site parts of its {@code /health}.
 *
 * <p>{@code GET /status} answers 200 with JSON: {@code ready}; {@code api} with the answers the
 * API gave since it started, in total and by route ({@code requests}, {@code clientErrors} 4xx,
 * {@code serverErrors} 5xx); {@code replication} with the replicator's state, its slot as
 * shop-core's {@link SlotHealthCheck} judges it ({@code slotActive}, {@code lagBytes}: WAL
 * written since the replicator last confirmed, {@code retainedWalBytes}, {@code verdict}), the
 * changes applied and the heartbeat's age at the source ({@code writtenSecondsAgo}) and in the
 * warehouse ({@code replicatedSecondsAgo}, the copy's freshness); and {@code slots}, every
 * logical slot of the database. A section that cannot be read says so instead of failing the
 * page.
 *
 * <p>The API answers before replication and the web site have started, so the stack tells this
 * object about each part as it comes up; until then {@code /health} reports it {@code starting}
 * and answers 503.
 */
final class StackStatus implements ApiHandler {
  private final Lifecycle lifecycle;
  private final DataSource database;
  private final String slot;
  private final SlotHealthCheck slots;
  private final Clock clock;
  private final Dispatcher dispatcher;
  private final ShopCounters counters;
  // Set once each part is up, read by request threads.
  private volatile LocalApiServer api;
  private volatile LocalReplicator replicator;
  private volatile Warehouse warehouse;
  private volatile WebApp web;

  StackStatus(Lifecycle lifecycle, DataSource database, String slot, Clock clock) {
    this.lifecycle = lifecycle;
    this.database = database;
    this.slot = slot;
    this.slots = new SlotHealthCheck(database);
    this.clock = clock;
    this.dispatcher = Dispatcher.builder().on("GET /status", this::status).build();
    this.counters = new ShopCounters();
  }

  /** The business metrics the API's handlers write as EMF lines in Lambda, counted here. */
  ShopCounters counters() {
    return counters;
  }

  void apiStarted(LocalApiServer api) {
    this.api = api;
  }

  void replicationStarted(LocalReplicator replicator) {
    this.warehouse = replicator.warehouse(clock);
    this.replicator = replicator;
  }

  void webStarted(WebApp web) {
    this.web = web;
  }

  /**
   * Returns the parts {@code /health} reports besides the database.
   *
   * @return replication and the web site
   */
  List<ReadinessCheck> readiness() {
    return List.of(this::replication, this::webSite);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return dispatcher.dispatch(event);
  }

  @Override
  public List<String> routes() {
    return dispatcher.routes();
  }

  private ReadinessCheck.Part webSite() {
    String state = lifecycle.isStopping() ? "stopping" : web == null ? "starting" : "up";
    return new ReadinessCheck.Part("web", state.equals("up"), Map.of("state", state));
  }

  private ReadinessCheck.Part replication() {
    Map<String, Object> details = new LinkedHashMap<>();
    LocalReplicator running = replicator;
    Optional<Throwable> failure = running == null ? Optional.empty() : running.failure();
    String state =
        lifecycle.isStopping() ? "stopping" : running == null ? "starting" : failure.isPresent() ? "failed" : "up";
    details.put("state", state);
    failure.ifPresent(e -> details.put("error", String.valueOf(e.getMessage())));
    details.put("slot", slot);
    try {
      Optional<SlotHealth> health = slots.check(slot);
      details.put("slotActive", health.map(SlotHealth::active).orElse(false));
      health.ifPresent(
          h -> {
            details.put("lagBytes", h.confirmedFlushLagBytes());
            details.put("retainedWalBytes", h.retainedWalBytes());
            details.put("verdict", h.verdict().name());
            details.put("detail", h.detail());
          });
    } catch (RuntimeException e) {
      details.put("slotActive", false);
      details.put("detail", "slot unreadable: " + e.getMessage());
    }
    return new ReadinessCheck.Part("replication", state.equals("up"), details);
  }

  private APIGatewayV2HTTPResponse status(ApiRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ready", lifecycle.isReady());
    body.put("api", apiCounts());
    Map<String, Object> replication = new LinkedHashMap<>(replication().details());
    LocalReplicator running = replicator;
    if (running != null) {
      replication.put("appliedChanges", running.appliedChanges());
    }
    replication.put("heartbeat", heartbeat());
    body.put("replication", replication);
    body.put("web", webSite().details());
    try {
      body.put("slots", slots.check().stream().map(StackStatus::slotJson).toList());
    } catch (RuntimeException e) {
      body.put("slots", "unreadable: " + e.getMessage());
    }
    return Responses.json(200, new JsonWriter().tree(body).toString());
  }

  private Map<String, Object> apiCounts() {
    LocalApiServer server = api;
    List<RequestCounts.Route> routes = server == null ? List.of() : server.requestCounts().snapshot();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("requests", routes.stream().mapToLong(RequestCounts.Route::requests).sum());
    counts.put("clientErrors", routes.stream().mapToLong(RequestCounts.Route::clientErrors).sum());
    counts.put("serverErrors", routes.stream().mapToLong(RequestCounts.Route::serverErrors).sum());
    counts.put("routes", routes.stream().map(StackStatus::routeJson).toList());
    ShopCounters.Snapshot business = counters.snapshot();
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("ordersPlaced", business.ordersPlaced());
    metrics.put("unitsSold", business.unitsSold());
    metrics.put("stockOuts", business.stockOuts());
    metrics.put("idempotentReplays", business.idempotentReplays());
    metrics.put("databaseUnavailable", business.databaseUnavailable());
    counts.put("metrics", metrics);
    return counts;
  }

  // JsonWriter.tree takes maps and plain values only.
  private static Map<String, Object> routeJson(RequestCounts.Route route) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("route", route.route());
    json.put("requests", route.requests());
    json.put("clientErrors", route.clientErrors());
    json.put("serverErrors", route.serverErrors());
    return json;
  }

  private static Map<String, Object> slotJson(SlotHealth slot) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("slot", slot.slot());
    json.put("active", slot.active());
    json.put("retainedWalBytes", slot.retainedWalBytes());
    json.put("lagBytes", slot.confirmedFlushLagBytes());
    json.put("walStatus", slot.walStatus());
    json.put("verdict", slot.verdict().name());
    json.put("detail", slot.detail());
    return json;
  }

  private static BigDecimal seconds(Double value) {
    return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }

  /** How old the newest heartbeat is at the source and in the warehouse; null where unknown. */
  private Map<String, Object> heartbeat() {
    Map<String, Object> ages = new LinkedHashMap<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT extract(epoch FROM clock_timestamp() - beat_at)::float8 FROM shop.replication_heartbeat WHERE id = 1")) {
      ages.put("writtenSecondsAgo", rs.next() ? seconds(rs.getDouble(1)) : null);
    } catch (SQLException e) {
      ages.put("writtenSecondsAgo", null);
      ages.put("sourceError", e.getMessage());
    }
    Warehouse copy = warehouse;
    try {
      ages.put("replicatedSecondsAgo", copy == null ? null : seconds(copy.freshness().lagSeconds()));
    } catch (RuntimeException e) {
      ages.put("replicatedSecondsAgo", null);
      ages.put("warehouseError", e.getMessage());
    }
    return ages;
  }
}
