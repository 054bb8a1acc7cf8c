package io.github.hybridshop.aws.config;

import io.github.hybridshop.core.Shop;
import java.util.Objects;

/**
 * Where a handler gets its shop: a fixed one (tests, the local server) or the execution
 * environment's, connected on first request ({@code LambdaEnvironment.get()::shop}).
 */
@FunctionalInterface
public interface ShopSource {
  /**
   * Returns the shop, connecting it if needed.
   *
   * @return the shop
   */
  Shop shop();

  /**
   * Returns a source of a fixed shop.
   *
   * @param shop the shop
   * @return the source
   */
  static ShopSource of(Shop shop) {
    Objects.requireNonNull(shop, "shop");
    return () -> shop;
  }
}
