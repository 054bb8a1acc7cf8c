package io.github.hybridshop.gcp.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hybridshop.core.catalog.NewProduct;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spark.Service;

/**
 * Debezium's Kafka Connect runtime and Spark share Jetty's coordinates (Jetty 12 vs 9.4): with
 * Connect's REST server excluded, both run in one JVM, as in the local stack.
 */
class JettySideBySideTest {
  @TempDir Path dataDir;
  @RegisterExtension final ReplicationFixture fixture = new ReplicationFixture();

  @Test
  void sparkServesWhileTheReplicatorStreams() throws Exception {
    fixture.db.shop().catalog().add(new NewProduct("Tea", "Drinks", new BigDecimal("4.50"), 10));
    Service http = Service.ignite().port(0);
    http.get("/ping", (request, response) -> "pong");
    http.awaitInitialization();
    try (LocalReplicator replicator = LocalReplicator.start(fixture.config(dataDir))) {
      var copy = ReplicationFixture.awaitCopy(fixture.source(), ReplicationFixture.through(replicator), Duration.ofSeconds(90));
      assertThat(copy).isEqualTo(fixture.source());
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/ping")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("pong");
      assertThat(replicator.failure()).isEmpty();
      assertThat(org.eclipse.jetty.util.Jetty.VERSION).startsWith("9.4.");
    } finally {
      http.stop();
      http.awaitStop();
    }
  }
}
