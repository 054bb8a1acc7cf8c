package io.github.hybridshop.aws.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hybridshop.aws.config.Environment;
import io.github.hybridshop.aws.config.LambdaEnvironment;
import io.github.hybridshop.aws.observability.JsonLines;
import io.github.hybridshop.core.testing.PostgresServer;
import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.core.testing.ShopDatabaseExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scheduled heartbeat on the real PostgreSQL server, through the Lambda connection path. */
@ExtendWith(ShopDatabaseExtension.class)
class HeartbeatHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final JsonLines log = new JsonLines(new PrintStream(logged, true, StandardCharsets.UTF_8));

  @Test
  void eachInvocationWritesOneBeatAnswersAndLogsOneLine(ShopDatabase db) throws Exception {
    LambdaEnvironment lambda = new LambdaEnvironment(environment(db.jdbcUrl(), db), (variable, arn) -> {
      throw new AssertionError("no secrets here");
    });
    HeartbeatHandler handler = new HeartbeatHandler(lambda.connection(), log);

    setBeat(db, LONG_AGO);
    JsonNode first = invoke(handler);
    Instant afterFirst = beatAt(db);
    setBeat(db, LONG_AGO);
    JsonNode second = invoke(handler);

    assertThat(first.get("status").asText()).isEqualTo("ok");
    assertThat(first.get("durationMs").asLong()).isNotNegative();
    assertThat(second.get("status").asText()).isEqualTo("ok");
    assertThat(afterFirst).isAfter(LONG_AGO.plusSeconds(3600));
    assertThat(beatAt(db)).isAfter(LONG_AGO.plusSeconds(3600));
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("type").asText()).isEqualTo("heartbeat");
    assertThat(lines.get(0).get("status").asText()).isEqualTo("ok");
    assertThat(lines.get(0).get("coldStart").asBoolean()).isTrue();
    assertThat(lines.get(1).get("coldStart").asBoolean()).isFalse();
    assertThat(lines.get(0).has("error")).isFalse();
    assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain(db.password());
  }

  @Test
  void anOutageFailsTheInvocationWithOneClearLineAndNoStackTrace(ShopDatabase db) throws Exception {
    String refused = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/shop";
    LambdaEnvironment lambda = new LambdaEnvironment(environment(refused, db), (variable, arn) -> null);
    HeartbeatHandler handler = new HeartbeatHandler(lambda.connection(), log);

    assertThatThrownBy(() -> invoke(handler))
        .isInstanceOf(HeartbeatFailedException.class)
        .hasMessageStartingWith("database unavailable, the next scheduled beat retries: ")
        .hasNoCause()
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("status").asText()).isEqualTo("failed");
    assertThat(lines.get(0).get("error").asText()).startsWith("database unavailable");
    assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain(db.password());
  }

  @Test
  void anUnmigratedDatabaseSaysToRunTheMigrateFunction(ShopDatabase db) throws Exception {
    PostgresServer server = PostgresServer.get();
    String name = "aws_heartbeat_empty_" + ProcessHandle.current().pid();
    server.createDatabase(name);
    LambdaEnvironment lambda = new LambdaEnvironment(environment(server.jdbcUrl(name), db), (variable, arn) -> null);
    HeartbeatHandler handler = new HeartbeatHandler(lambda.connection(), log);

    assertThatThrownBy(() -> invoke(handler))
        .isInstanceOf(HeartbeatFailedException.class)
        .hasMessageStartingWith("heartbeat failed: ")
        .hasMessageContaining("replication_heartbeat");

    // Migrated but its row gone (someone deleted it): the message names the fix.
    db.jdbi().useHandle(h -> h.execute("DELETE FROM shop.replication_heartbeat"));
    try {
      HeartbeatHandler migrated = new HeartbeatHandler(db.dataSource(), log);
      assertThatThrownBy(() -> invoke(migrated))
          .isInstanceOf(HeartbeatFailedException.class)
          .hasMessageContaining("run the migrate function first");
    } finally {
      db.jdbi().useHandle(h -> h.execute("INSERT INTO shop.replication_heartbeat (id, beat_at) VALUES (1, now())"));
    }
  }

  private static Environment environment(String url, ShopDatabase db) {
    return new Environment(Map.of("SHOP_DB_URL", url, "DB_USER", db.user(), "DB_PASSWORD", db.password()));
  }

  private static JsonNode invoke(HeartbeatHandler handler) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), answer, null);
    return JSON.readTree(answer.toByteArray());
  }

  private List<JsonNode> lines() throws IOException {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String line : logged.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  private static void setBeat(ShopDatabase db, Instant at) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE shop.replication_heartbeat SET beat_at = :at")
        .bind("at", Timestamp.from(at)).execute());
  }

  private static Instant beatAt(ShopDatabase db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT beat_at FROM shop.replication_heartbeat WHERE id = 1")
        .mapTo(Timestamp.class).one()).toInstant();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
