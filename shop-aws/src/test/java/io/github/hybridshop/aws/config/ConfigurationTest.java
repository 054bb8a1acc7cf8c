package io.github.hybridshop.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.aws.Events;
import io.github.hybridshop.aws.admin.AdminAccess;
import io.github.hybridshop.aws.admin.AdminHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Settings from environment variables: defaults, and one-line errors that name the variable. */
class ConfigurationTest {

  static Environment env(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return new Environment(map);
  }

  @Test
  void hostSettingsDefaultToVerifiedTls() {
    DatabaseSettings settings = DatabaseSettings.from(env("DB_HOST", "db.example.internal", "DB_USER", "shop", "DB_PASSWORD", "pw"));

    assertThat(settings.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.internal:5432/shop?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
    assertThat(settings.user()).isEqualTo("shop");
    assertThat(settings.toString()).doesNotContain("pw");
  }

  @Test
  void loopbackHostDefaultsToPreferAndRootCertIsPassedOn() {
    assertThat(DatabaseSettings.from(env("DB_HOST", "localhost", "DB_USER", "u", "DB_PASSWORD", "p")).jdbcUrl())
        .endsWith("sslmode=prefer");
    assertThat(
            DatabaseSettings.from(
                    env("DB_HOST", "db", "DB_PORT", "6432", "DB_NAME", "orders", "DB_SSLMODE", "verify-ca",
                        "DB_SSLROOTCERT", "/opt/rds/global-bundle.pem", "SHOP_DB_SECRET_ARN", "arn:aws:secretsmanager:x"))
                .jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:6432/orders?sslmode=verify-ca&sslrootcert=%2Fopt%2Frds%2Fglobal-bundle.pem");
  }

  @Test
  void missingOrMalformedSettingsNameTheVariable() {
    assertError(env(), "DB_HOST is not set");
    assertError(env("DB_HOST", "db"), "DB_USER is not set");
    assertError(env("DB_HOST", "db", "DB_USER", "u"), "DB_PASSWORD is not set");
    assertError(env("DB_HOST", "db/evil?x=1", "DB_USER", "u", "DB_PASSWORD", "p"), "DB_HOST must be");
    assertError(env("DB_HOST", "db", "DB_PORT", "99999", "DB_USER", "u", "DB_PASSWORD", "p"), "DB_PORT must be");
    assertError(env("DB_HOST", "db", "DB_NAME", "a b", "DB_USER", "u", "DB_PASSWORD", "p"), "DB_NAME must be");
    assertError(env("DB_HOST", "db", "DB_SSLMODE", "on", "DB_USER", "u", "DB_PASSWORD", "p"), "DB_SSLMODE must be");
    assertError(env("SHOP_DB_URL", "postgres://x"), "SHOP_DB_URL must start");
    assertError(env("SHOP_DB_SECRET_ARN", "my-secret", "DB_HOST", "db"), "SHOP_DB_SECRET_ARN must be");
    assertThatThrownBy(() -> new LambdaEnvironment(env("SHOP_DB_URL", "jdbc:postgresql://h/db", "SHOP_CURRENCY", "XAU"), (v, a) -> ""))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("SHOP_CURRENCY");
  }

  @Test
  void adminAccessFromTheEnvironment() {
    SecretReader none = (variable, arn) -> {
      throw new AssertionError("not read");
    };
    assertThat(AdminAccess.fromEnvironment(env("SHOP_ADMIN_JWT_SUBJECTS", " 123 , 456 "), none))
        .isEqualTo(AdminAccess.jwtSubjects(java.util.Set.of("123", "456")));
    assertThatThrownBy(() -> AdminAccess.fromEnvironment(env(), none))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("SHOP_ADMIN_TOKEN is not set");
    assertThatThrownBy(() -> AdminAccess.fromEnvironment(env("SHOP_ADMIN_TOKEN", "short"), none))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("SHOP_ADMIN_TOKEN must be at least 16");
  }

  @Test
  void adminTokenSecretIsReadOnceOnFirstUse() {
    AtomicInteger reads = new AtomicInteger();
    AdminAccess access =
        AdminAccess.fromEnvironment(
            env("SHOP_ADMIN_TOKEN_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:admin"),
            (variable, arn) -> {
              reads.incrementAndGet();
              return "secret-admin-token-0123456789\n";
            });
    assertThat(reads).hasValue(0);
    AdminHandler handler = new AdminHandler(() -> {
      throw new AssertionError("refused requests never touch the shop");
    }, access);

    for (String header : new String[] {"", "Bearer", "Bearer wrong-token-0123456789", "Basic secret-admin-token-0123456789"}) {
      var response = handler.handleRequest(
          Events.post("POST /products", "/products", "{}", header.isEmpty() ? Map.of() : Map.of("authorization", header)), null);
      assertThat(response.getStatusCode()).as(header).isEqualTo(401);
    }
    assertThat(reads).hasValue(1);
  }

  @Test
  void databaseCredentialsComeFromTheRdsSecretFormat() {
    DatabaseConnector connector =
        new DatabaseConnector(
            DatabaseSettings.from(env("SHOP_DB_URL", "jdbc:postgresql://127.0.0.1:1/none", "SHOP_DB_SECRET_ARN", "arn:aws:x")),
            (variable, arn) -> "{\"engine\":\"postgres\",\"username\":1}");

    assertThatThrownBy(connector::getConnection)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("SHOP_DB_SECRET_ARN must name a secret holding JSON")
        .hasMessageNotContaining("postgres\"");
  }

  @Test
  void registersSnapshotHooksOnlyWhenLambdaInitialisesForSnapStart() {
    String url = "jdbc:postgresql://127.0.0.1:1/none";
    assertThat(new LambdaEnvironment(env("SHOP_DB_URL", url, "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"), (v, a) -> "").snapStart())
        .isTrue();
    assertThat(new LambdaEnvironment(env("SHOP_DB_URL", url, "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"), (v, a) -> "").snapStart())
        .isFalse();
    assertThat(new LambdaEnvironment(env("SHOP_DB_URL", url), (v, a) -> "").snapStart()).isFalse();
  }

  private static void assertError(Environment env, String start) {
    assertThatThrownBy(() -> DatabaseSettings.from(env))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(start)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
