package io.github.hybridshop.aws.config;

import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.aws.http.WireValues;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.catalog.ProductQuery;
import java.nio.charset.StandardCharsets;
import org.crac.Context;
import org.crac.Resource;

/**
 * Before a SnapStart snapshot, runs reads through the whole stack (the PostgreSQL driver, Jdbi,
 * the JSON writer and Jackson's reader) so their classes are loaded and initialised inside the
 * snapshot, then closes the connection, which cannot survive a restore elsewhere. Priming is
 * best effort: without a reachable database the snapshot is still valid, only the first request
 * after restore is slower.
 */
final class SnapStartPriming implements Resource {
  private final LambdaEnvironment environment;

  SnapStartPriming(LambdaEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    try {
      Shop shop = environment.shop();
      if (shop.isDatabaseReachable()) {
        JsonCodec.write(WireValues.page(shop.catalog().list(ProductQuery.all().limit(1))));
        // Catalog reads are plain JDBC; an order lookup sets up Jdbi, which writes and orders use.
        shop.checkout().find(0);
      }
      JsonCodec.readRestockRequest("{\"quantity\":1}".getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      System.err.println("[shop-aws] SnapStart priming skipped: " + e);
    } finally {
      environment.closeConnection();
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // the next request reconnects
  }
}
