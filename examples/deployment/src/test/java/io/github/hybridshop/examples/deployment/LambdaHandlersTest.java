package io.github.hybridshop.examples.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real aws-api module against the real shop-aws classes (a test dependency): every handler
 * exists and the HTTP API's routes are exactly the ones the handlers declare.
 */
class LambdaHandlersTest {

  private final Path dir = RepoLayout.terraform().resolve("modules/aws-api");
  private final LambdaChecks.Api api = LambdaChecks.read(TerraformModule.load(dir));
  private final ClassLoader classes = Thread.currentThread().getContextClassLoader();

  @Test
  void terraformDefinesTheContractsFunctionsAndRoutes() {
    // Guards the checks below against passing because nothing was read.
    assertThat(api.unreadable()).isEmpty();
    assertThat(api.functions()).extracting(LambdaChecks.LambdaFunction::className).containsExactlyInAnyOrder(
        "io.github.hybridshop.aws.products.ProductsHandler",
        "io.github.hybridshop.aws.admin.AdminHandler",
        "io.github.hybridshop.aws.orders.OrdersHandler",
        "io.github.hybridshop.aws.health.HealthHandler",
        "io.github.hybridshop.aws.migrate.MigrateHandler",
        "io.github.hybridshop.aws.heartbeat.HeartbeatHandler");
    assertThat(api.routes()).extracting(LambdaChecks.Route::routeKey).containsExactlyInAnyOrder(
        "GET /products", "GET /products/{id}", "POST /products", "POST /products/{id}/restock",
        "POST /orders", "GET /orders/{id}", "GET /health");
  }

  @Test
  void everyHandlerIsAClassInShopAws() {
    assertThat(LambdaChecks.handlers(api, classes)).isEmpty();
  }

  @Test
  void routesAreExactlyTheOnesTheHandlersServe() {
    assertThat(LambdaChecks.routes(api, classes)).isEmpty();
  }
}
