package io.github.hybridshop.gcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.gcp.web.security.PasswordHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebConfigTest {
  private static Map<String, String> valid() {
    Map<String, String> env = new HashMap<>();
    env.put("SHOP_API_URL", "http://127.0.0.1:9000");
    env.put("SHOP_COOKIE_SECRET", "0123456789abcdef0123456789abcdef");
    env.put("SHOP_CURRENCY", "eur");
    return env;
  }

  @Test
  void readsTheEnvironment() {
    Map<String, String> env = valid();
    env.put("PORT", "9090");
    env.put("SHOP_ADMIN_PASSWORD_HASH", PasswordHash.create("a long password".toCharArray(), 10_000).format());
    WebConfig config = WebConfig.fromEnv(env);
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.currency().getCurrencyCode()).isEqualTo("EUR");
    assertThat(config.adminPasswordHash().matches("a long password".toCharArray())).isTrue();
    assertThat(config.analyticsOpen()).isFalse();
    assertThat(config.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void choosesTheWarehouseFromTheEnvironment() {
    assertThat(WebMain.warehouse(Map.of())).isNull();
    assertThat(WebMain.warehouse(Map.of("SHOP_WAREHOUSE", "none"))).isNull();
    assertThat(WebMain.warehouse(Map.of(
            "SHOP_WAREHOUSE", "bigquery", "SHOP_BQ_PROJECT", "my-project", "SHOP_BQ_DATASET", "shop_analytics",
            "SHOP_BQ_LOCATION", "EU")))
        .isInstanceOf(io.github.hybridshop.gcp.analytics.BigQueryWarehouse.class);
    assertThatThrownBy(() -> WebMain.warehouse(Map.of("SHOP_WAREHOUSE", "bigquery", "SHOP_BQ_PROJECT", "p")))
        .hasMessageStartingWith("SHOP_BQ_DATASET is required when SHOP_WAREHOUSE=bigquery");
    assertThatThrownBy(() -> WebMain.warehouse(Map.of(
            "SHOP_WAREHOUSE", "bigquery", "SHOP_BQ_PROJECT", "p", "SHOP_BQ_DATASET", "x`; DROP", "SHOP_BQ_LOCATION", "EU")))
        .hasMessageStartingWith("SHOP_BQ_PROJECT/SHOP_BQ_DATASET");
    assertThatThrownBy(() -> WebMain.warehouse(Map.of("SHOP_WAREHOUSE", "duckdb")))
        .hasMessageStartingWith("SHOP_WAREHOUSE 'duckdb' is unknown");
  }

  @Test
  void namesTheVariableAtFault() {
    Map<String, String> shortSecret = valid();
    shortSecret.put("SHOP_COOKIE_SECRET", "too-short");
    assertThatThrownBy(() -> WebConfig.fromEnv(shortSecret)).hasMessageStartingWith("SHOP_COOKIE_SECRET is too short");
    Map<String, String> badCurrency = valid();
    badCurrency.put("SHOP_CURRENCY", "EURO");
    assertThatThrownBy(() -> WebConfig.fromEnv(badCurrency)).hasMessageStartingWith("SHOP_CURRENCY 'EURO'");
    Map<String, String> badHash = valid();
    badHash.put("SHOP_ADMIN_PASSWORD_HASH", "plaintext");
    assertThatThrownBy(() -> WebConfig.fromEnv(badHash)).hasMessageStartingWith("SHOP_ADMIN_PASSWORD_HASH is malformed");
    Map<String, String> badUrl = valid();
    badUrl.put("SHOP_API_URL", "ftp://x");
    assertThatThrownBy(() -> WebConfig.fromEnv(badUrl)).hasMessageStartingWith("SHOP_API_URL 'ftp://x'");
    Map<String, String> badPort = valid();
    badPort.put("PORT", "http");
    assertThatThrownBy(() -> WebConfig.fromEnv(badPort)).hasMessageStartingWith("PORT 'http'");
  }

  @Test
  void webMainStopsWithOneLineWhenARequiredVariableIsMissing() throws Exception {
    Map<String, String> env = valid();
    env.remove("SHOP_COOKIE_SECRET");
    Process process = startWebMain(env);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr.strip().lines()).containsExactly(
        "shop-web: SHOP_COOKIE_SECRET is not set: set it to at least 32 random bytes, e.g. from `openssl rand -base64 48`");
  }

  @Test
  void hashPasswordPrintsAHashTheSiteAccepts() throws Exception {
    Process process = start(io.github.hybridshop.gcp.web.admin.HashPassword.class.getName(), Map.of());
    process.getOutputStream().write("a long admin password\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String line = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.exitValue()).isEqualTo(0);
    assertThat(line).startsWith("pbkdf2-sha256$600000$");
    Map<String, String> env = valid();
    env.put("SHOP_ADMIN_PASSWORD_HASH", line);
    assertThat(WebConfig.fromEnv(env).adminPasswordHash().matches("a long admin password".toCharArray())).isTrue();
  }

  private static Process startWebMain(Map<String, String> env) throws IOException {
    return start(WebMain.class.getName(), env);
  }

  private static Process start(String mainClass, Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), mainClass));
    builder.environment().keySet().removeIf(k -> k.startsWith("SHOP_") || k.equals("PORT"));
    builder.environment().putAll(env);
    return builder.start();
  }
}
