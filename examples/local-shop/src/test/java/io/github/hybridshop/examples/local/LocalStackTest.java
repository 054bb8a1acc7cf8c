package io.github.hybridshop.examples.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.core.catalog.ProductQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack on a real embedded PostgreSQL in a temporary data directory, started twice. */
class LocalStackTest {
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesTheApiAndKeepsDataTokenAndPortAcrossRestarts(@TempDir Path dataDir) throws Exception {
    LocalShopOptions options =
        LocalShopOptions.parse("--api-port", "0", "--web-port", "0", "--data-dir", dataDir.toString(), "--demo-data");
    String token;
    int pgPort;
    try (LocalStack stack = LocalStack.start(options)) {
      assertThat(stack.demoProductsAdded()).isEqualTo(30);
      assertThat(get(stack.apiUri().resolve("/health")).statusCode()).isEqualTo(200);
      token = stack.adminToken();
      pgPort = stack.database().port();
      HttpResponse<String> created = http.send(
          HttpRequest.newBuilder(stack.apiUri().resolve("/products"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Kept\",\"category\":\"Tea\",\"price\":\"1.00\",\"stock\":1}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      HttpResponse<String> catalog = get(stack.webUri().resolve("/?q=Kept"));
      assertThat(catalog.statusCode()).isEqualTo(200);
      assertThat(catalog.body()).contains("Kept");
      // The product reaches the DuckDB warehouse through Debezium and shows in the dashboard JSON.
      assertThat(eventually(stack.webUri().resolve("/analytics/api/low-stock"), "\"name\":\"Kept\"")).isTrue();
    }
    assertThat(Files.readString(dataDir.resolve("admin-token")).strip()).isEqualTo(token);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-password"))))
        .isEqualTo("rw-------");
    assertThat(dataDir.resolve("warehouse.duckdb")).exists();

    try (LocalStack again = LocalStack.start(options)) {
      assertThat(again.demoProductsAdded()).isZero();
      assertThat(again.adminToken()).isEqualTo(token);
      assertThat(again.database().port()).isEqualTo(pgPort);
      assertThat(again.shop().catalog().list(ProductQuery.all().limit(100)).items()).hasSize(31);
      assertThat(get(again.apiUri().resolve("/products?q=Kept")).body()).contains("\"name\":\"Kept\"");
    }
  }

  @Test
  void optionsHaveDefaultsAndNameBadArguments() {
    LocalShopOptions defaults = LocalShopOptions.parse();
    assertThat(defaults.apiPort()).isEqualTo(3000);
    assertThat(defaults.webPort()).isEqualTo(8080);
    assertThat(LocalShopOptions.parse("--admin-password", "secret-password-1").toString()).doesNotContain("secret-password-1");
    assertThatThrownBy(() -> LocalShopOptions.parse("--web-port", "70000")).hasMessageStartingWith("--web-port");
    assertThat(defaults.dataDir()).isEqualTo(Path.of(".shop-local"));
    assertThat(defaults.demoData()).isFalse();
    assertThat(LocalShopOptions.parse("--admin-token", "given-token-0123456789").adminToken()).isEqualTo("given-token-0123456789");
    assertThatThrownBy(() -> LocalShopOptions.parse("--api-port", "x")).hasMessageStartingWith("--api-port");
    assertThatThrownBy(() -> LocalShopOptions.parse("--data-dir")).hasMessageStartingWith("--data-dir needs a value");
    assertThatThrownBy(() -> LocalShopOptions.parse("--web")).hasMessageStartingWith("unknown argument --web");
  }

  /** Polls for up to 30 s; replication is asynchronous. */
  private boolean eventually(URI uri, String expected) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get(uri);
      if (response.statusCode() == 200 && response.body().contains(expected)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
