package io.github.hybridshop.gcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hybridshop.core.catalog.Catalog;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.checkout.OrderRequest;
import org.junit.jupiter.api.Test;

/** The site's form checks use the limits the shop enforces behind the API. */
class ShopLimitsTest {

  @Test
  void matchTheShop() {
    assertThat(ShopLimits.MAX_NAME_LENGTH).isEqualTo(NewProduct.MAX_NAME_LENGTH);
    assertThat(ShopLimits.MAX_CATEGORY_LENGTH).isEqualTo(NewProduct.MAX_CATEGORY_LENGTH);
    assertThat(ShopLimits.MAX_STOCK).isEqualTo(NewProduct.MAX_STOCK);
    assertThat(ShopLimits.PRICE_LIMIT).isEqualByComparingTo(NewProduct.PRICE_LIMIT);
    assertThat(ShopLimits.MAX_RESTOCK).isEqualTo(Catalog.MAX_RESTOCK);
    assertThat(ShopLimits.MAX_QUANTITY).isEqualTo(OrderRequest.MAX_QUANTITY);
  }
}
