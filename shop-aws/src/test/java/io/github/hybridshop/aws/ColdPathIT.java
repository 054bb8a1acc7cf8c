package io.github.hybridshop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.aws.products.ProductsHandler;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.testing.ShopDatabase;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh JVM on the unzipped Lambda artifact serves its first {@code GET /products} the way the
 * Lambda runtime starts a function on demand, and loads none of the libraries that request does
 * not need: each of them used to cost a cold start milliseconds to tens of milliseconds.
 */
class ColdPathIT {
  /** Packages, or exact classes, that must stay off the cold path of a catalog read. */
  static final List<String> NOT_ON_THE_COLD_PATH = List.of(
      "org.jdbi.v3.core.Jdbi ",
      "org.crac.Core ",
      "org.flywaydb.",
      "com.fasterxml.jackson.",
      "software.amazon.awssdk.",
      "org.slf4j.");

  @Test
  void servesTheFirstCatalogReadWithoutLoadingWhatItDoesNotNeed(@TempDir Path work) throws Exception {
    ShopDatabase db = ShopDatabase.create();
    try {
      db.shop().catalog().add(new NewProduct("Cold brew", "Coffee", new BigDecimal("3.20"), 5));
      Path classLog = work.resolve("classes.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xlog:class+load=info:file=" + classLog,
                  "-cp",
                  String.join(
                      File.pathSeparator,
                      Path.of("target", "test-classes").toString(),
                      UnzippedArtifact.classPath(work.resolve("function"))),
                  FirstRequest.class.getName())
              .redirectErrorStream(true);
      builder.environment().keySet().removeIf(name -> name.startsWith("SHOP_") || name.startsWith("DB_"));
      builder.environment().put("SHOP_DB_URL", db.jdbcUrl());
      builder.environment().put("DB_USER", db.user());
      builder.environment().put("DB_PASSWORD", db.password());
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(process.waitFor()).as(output).isZero();
      // stdout: the invocation's JSON log line, then the answer the probe prints.
      List<String> lines = output.lines().toList();
      assertThat(lines).as(output).hasSize(2);
      assertThat(lines.get(0)).startsWith("{\"type\":\"request\"").contains("\"route\":\"GET /products\"", "\"coldStart\":true");
      assertThat(lines.get(1)).startsWith("200 ").contains("\"name\":\"Cold brew\"");
      List<String> loaded = Files.readAllLines(classLog).stream()
          .map(line -> line.substring(line.indexOf("] ", line.indexOf("[class,load]")) + 2))
          .toList();
      assertThat(loaded).anyMatch(line -> line.startsWith("org.postgresql.jdbc.PgConnection "));
      for (String library : NOT_ON_THE_COLD_PATH) {
        assertThat(loaded).as(library).noneMatch(line -> line.startsWith(library));
      }
    } finally {
      db.close();
    }
  }

  /** What the Lambda runtime does on a cold start: construct the handler, pass it one event. */
  static final class FirstRequest {
    public static void main(String[] args) {
      APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
          .withVersion("2.0")
          .withRouteKey("GET /products")
          .withRawPath("/products")
          .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
              .withRouteKey("GET /products")
              .withRequestId("cold-path")
              .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/products").build())
              .build())
          .build();
      APIGatewayV2HTTPResponse response = new ProductsHandler().handleRequest(event, null);
      System.out.println(response.getStatusCode() + " " + response.getBody());
      System.exit(response.getStatusCode() == 200 ? 0 : 1);
    }
  }
}
