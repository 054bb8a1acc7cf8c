package io.github.hybridshop.gcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The image Cloud Run pulls on every cold instance carries only what the site runs: none of the
 * database stack (the site reaches the shop through its HTTP API), the change-data-capture
 * engine, or the Datastream client (provisioning is {@code shop-datastream.jar}).
 */
class ShopWebJarContentsIT {
  private static final Path JAR = Path.of("target", "shop-web.jar");

  /** Class-file prefixes that must not be in the jar, by the library they belong to. */
  private static final Map<String, String> ABSENT = Map.of(
      "org/flywaydb/", "Flyway",
      "org/jdbi/", "Jdbi",
      "org/postgresql/", "pgjdbc",
      "io/debezium/", "Debezium",
      "com/google/cloud/datastream/", "the Datastream client",
      "io/github/hybridshop/core/", "shop-core");

  @Test
  void carriesNoDatabaseReplicationOrProvisioningLibrary() throws IOException {
    Map<String, Integer> found = new TreeMap<>();
    int classes = 0;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (ZipEntry entry : jar.stream().toList()) {
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        classes++;
        for (Map.Entry<String, String> absent : ABSENT.entrySet()) {
          if (entry.getName().startsWith(absent.getKey())) {
            found.merge(absent.getValue() + " (" + absent.getKey() + ")", 1, Integer::sum);
          }
        }
      }
    }
    assertThat(found).as("class files by library in %s", JAR).isEmpty();
    // The site itself is there: an empty or broken jar would pass the check above.
    assertThat(classes).isGreaterThan(1_000);
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (String required : List.of(
          "io/github/hybridshop/gcp/web/WebMain.class",
          "io/github/hybridshop/gcp/analytics/BigQueryWarehouse.class",
          "spark/Service.class")) {
        assertThat(jar.getEntry(required)).as(required).isNotNull();
      }
    }
  }
}
