package io.github.hybridshop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader;
import com.amazonaws.services.lambda.runtime.api.client.HandlerInfo;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hybridshop.aws.admin.AdminHandler;
import io.github.hybridshop.aws.health.HealthHandler;
import io.github.hybridshop.aws.heartbeat.HeartbeatHandler;
import io.github.hybridshop.aws.migrate.MigrateHandler;
import io.github.hybridshop.aws.orders.OrdersHandler;
import io.github.hybridshop.aws.products.ProductsHandler;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.testing.ShopDatabase;
import java.io.File;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every handler class Terraform names, loaded and invoked by the Lambda Java runtime's own code
 * (the runtime interface client: it finds the event type through the handler's interfaces,
 * constructs it, deserializes the recorded API Gateway event and serializes the response), in a
 * fresh JVM on the unzipped artifact, against real PostgreSQL.
 */
class LambdaRuntimeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theRuntimeLoadsEveryHandlerAndRoundTripsItsEvents(@TempDir Path work) throws Exception {
    ShopDatabase db = ShopDatabase.create();
    try {
      db.shop().catalog().add(new NewProduct("Genmaicha", "Tea", new BigDecimal("6.90"), 5));
      db.shop().catalog().add(new NewProduct("Cold brew", "Coffee", new BigDecimal("3.20"), 5));
      Path migrateEvent = Files.writeString(work.resolve("migrate.json"), "{}");
      // What EventBridge Scheduler sends when the schedule sets no input of its own.
      Path scheduleEvent = Files.writeString(work.resolve("schedule.json"), "{}");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp",
          String.join(
              File.pathSeparator,
              Path.of("target", "test-classes").toString(),
              UnzippedArtifact.classPath(work.resolve("function")),
              jarOf(EventHandlerLoader.class),
              jarOf(PojoSerializer.class)),
          Invoke.class.getName()));
      command.addAll(List.of(
          ProductsHandler.class.getName(), event("get-products.json"),
          OrdersHandler.class.getName(), event("post-order-base64.json"),
          AdminHandler.class.getName(), event("post-product.json"),
          HealthHandler.class.getName(), event("get-health.json"),
          MigrateHandler.class.getName(), migrateEvent.toString(),
          HeartbeatHandler.class.getName(), scheduleEvent.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().keySet().removeIf(name -> name.startsWith("SHOP_") || name.startsWith("DB_"));
      builder.environment().put("SHOP_DB_URL", db.jdbcUrl());
      builder.environment().put("DB_USER", db.user());
      builder.environment().put("DB_PASSWORD", db.password());
      builder.environment().put("SHOP_ADMIN_TOKEN", "test-admin-token-0123456789");
      builder.environment().put("SHOP_REPLICATION_FLAVOUR", "plain");
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).as(output).isZero();

      List<JsonNode> responses = new ArrayList<>();
      List<JsonNode> logLines = new ArrayList<>();
      for (String line : output.strip().split("\n")) {
        if (line.startsWith(Invoke.RESPONSE)) {
          responses.add(JSON.readTree(line.substring(Invoke.RESPONSE.length())));
        } else if (line.startsWith("{")) {
          logLines.add(JSON.readTree(line));
        }
      }
      assertThat(responses).as(output).hasSize(6);
      JsonNode products = responses.get(0);
      assertThat(products.get("statusCode").asInt()).isEqualTo(200);
      // The recorded event asks for ?category=Tea&limit=2: its query parameters arrived.
      JsonNode page = JSON.readTree(products.get("body").asText());
      assertThat(page.get("items")).hasSize(1);
      assertThat(page.at("/items/0/name").asText()).isEqualTo("Genmaicha");
      JsonNode order = responses.get(1);
      assertThat(order.get("statusCode").asInt()).as(order.toString()).isEqualTo(201);
      assertThat(JSON.readTree(order.get("body").asText()).at("/lines/0/quantity").asInt()).isEqualTo(2);
      assertThat(order.at("/headers/Location").asText()).startsWith("/orders/");
      assertThat(responses.get(2).get("statusCode").asInt()).as(responses.get(2).toString()).isEqualTo(201);
      assertThat(responses.get(3).get("statusCode").asInt()).isEqualTo(200);
      assertThat(responses.get(4).at("/replication/publication").asText()).isEqualTo("shop_publication");
      assertThat(responses.get(5).get("status").asText()).as(output).isEqualTo("ok");
      assertThat(logLines).as(output)
          .anySatisfy(line -> {
            assertThat(line.get("type").asText()).isEqualTo("heartbeat");
            assertThat(line.get("requestId").asText()).isEqualTo("runtime-it-10");
          });
      assertThat(db.shop().catalog().find(1).orElseThrow().stock()).isEqualTo(3);
    } finally {
      // The migrate step created a slot; an unread slot would hold WAL on the shared test server.
      try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = current_database()");
      }
      db.close();
    }
  }

  private static String event(String name) {
    return Path.of("src", "test", "resources", "events", name).toString();
  }

  private static String jarOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /** What the runtime does per invocation: load the handler once, call it with the event's bytes. */
  static final class Invoke {
    /** Marks the handlers' answers apart from the JSON log lines they print on the same stdout. */
    static final String RESPONSE = "response: ";

    public static void main(String[] args) throws Exception {
      for (int i = 0; i < args.length; i += 2) {
        LambdaRequestHandler handler =
            EventHandlerLoader.loadEventHandler(HandlerInfo.fromString(args[i], Invoke.class.getClassLoader()));
        InvocationRequest request = new InvocationRequest();
        request.setId("runtime-it-" + i);
        request.setInvokedFunctionArn("arn:aws:lambda:eu-west-1:123456789012:function:shop");
        request.setDeadlineTimeInMs(System.currentTimeMillis() + 30_000);
        request.setContent(Files.readAllBytes(Path.of(args[i + 1])));
        System.out.println(RESPONSE + handler.call(request).toString(StandardCharsets.UTF_8));
      }
    }
  }
}
