package io.github.hybridshop.gcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code target/shop-web.jar} the Dockerfile and Jib wrap: it starts from the
 * environment alone, serves its precompiled pages, and refuses a bad configuration with one line.
 */
class ShopWebJarIT {
  private static final Path JAR = Path.of("target", "shop-web.jar");

  @Test
  void startsFromTheEnvironmentAndServesPages() throws Exception {
    assertThat(JAR).exists();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    int apiPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      apiPort = socket.getLocalPort();
    }
    Path log = Files.createTempFile("shop-web", ".log");
    ProcessBuilder builder = java(Map.of(
        "PORT", Integer.toString(port),
        "SHOP_API_URL", "http://127.0.0.1:" + apiPort,
        "SHOP_COOKIE_SECRET", "jar-test-secret-with-more-than-32-bytes",
        "SHOP_CURRENCY", "EUR"));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process web = builder.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = poll(http, URI.create("http://127.0.0.1:" + port + "/healthz"));
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> catalog = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(catalog.statusCode()).as("no API behind it").isEqualTo(503);
      assertThat(catalog.body()).contains("Shop temporarily unavailable");
    } finally {
      web.destroy();
      web.waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(output).contains("\"path\":\"/healthz\"").doesNotContain("jar-test-secret");
  }

  @Test
  void refusesAMissingVariableWithOneLine() throws Exception {
    Process web = java(Map.of("SHOP_COOKIE_SECRET", "jar-test-secret-with-more-than-32-bytes", "SHOP_CURRENCY", "EUR")).start();
    assertThat(web.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(web.exitValue()).isEqualTo(2);
    assertThat(new String(web.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip())
        .startsWith("shop-web: SHOP_API_URL is not set").doesNotContain("\n");
  }

  private static ProcessBuilder java(Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    builder.environment().keySet().removeIf(k -> k.startsWith("SHOP_") || k.equals("PORT"));
    builder.environment().putAll(env);
    return builder;
  }

  private static HttpResponse<String> poll(HttpClient http, URI uri) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      try {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("shop-web.jar did not start within 60 s", e);
        }
        Thread.sleep(200);
      }
    }
  }
}
