package io.github.hybridshop.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.hybridshop.api.JsonCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Secrets Manager client against a local fake that speaks the service's JSON protocol. */
class SecretsManagerReaderTest {
  static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-db-AbCdEf";

  HttpServer fake;
  List<String> targets = new CopyOnWriteArrayList<>();
  URI endpoint;

  @BeforeEach
  void start() throws IOException {
    System.setProperty("aws.region", "eu-west-1");
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fake.createContext("/", exchange -> {
      targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      JsonNode request = JsonCodec.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String id = request.path("SecretId").asText();
      byte[] body;
      int status;
      if (id.equals(ARN)) {
        status = 200;
        body = ("{\"ARN\":\"" + ARN + "\",\"Name\":\"shop-db\",\"SecretString\":"
            + "\"{\\\"username\\\":\\\"shop\\\",\\\"password\\\":\\\"pw\\\"}\",\"VersionId\":\"v1\"}").getBytes(StandardCharsets.UTF_8);
      } else {
        status = 400;
        body = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}"
            .getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    fake.start();
    endpoint = URI.create("http://127.0.0.1:" + fake.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    fake.stop(0);
  }

  @Test
  void readsASecretString() {
    String secret = new SecretsManagerReader(endpoint).read("SHOP_DB_SECRET_ARN", ARN);

    assertThat(secret).isEqualTo("{\"username\":\"shop\",\"password\":\"pw\"}");
    assertThat(targets).containsExactly("secretsmanager.GetSecretValue");
  }

  @Test
  void aMissingSecretIsAConfigurationErrorNamingTheVariable() {
    assertThatThrownBy(() -> new SecretsManagerReader(endpoint).read("SHOP_ADMIN_TOKEN_SECRET_ARN", ARN + "-nope"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("SHOP_ADMIN_TOKEN_SECRET_ARN secret could not be read");
  }

  @Test
  void anUnreachableStoreIsAnOutage() {
    fake.stop(0);

    assertThatThrownBy(() -> new SecretsManagerReader(endpoint).read("SHOP_DB_SECRET_ARN", ARN))
        .isInstanceOf(DependencyUnavailableException.class);
  }
}
