package io.github.hybridshop.examples.local;

import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.ProductQuery;
import java.math.BigDecimal;
import java.util.List;

/** A small, believable catalog for trying the shop: 30 products in five categories. */
public final class DemoCatalog {

  /** The demo products. */
  public static final List<NewProduct> PRODUCTS = List.of(
      product("Sencha Green Tea 100 g", "Tea", "6.90", 40),
      product("Earl Grey Loose Leaf 100 g", "Tea", "5.50", 35),
      product("Assam Breakfast 250 g", "Tea", "8.20", 25),
      product("Jasmine Pearls 50 g", "Tea", "11.00", 12),
      product("Rooibos Vanilla 100 g", "Tea", "4.90", 30),
      product("Matcha Ceremonial 30 g", "Tea", "24.00", 8),
      product("Colombia Huila Beans 250 g", "Coffee", "9.80", 30),
      product("Ethiopia Yirgacheffe 250 g", "Coffee", "11.50", 20),
      product("Espresso Blend 1 kg", "Coffee", "24.90", 15),
      product("Decaf Brazil 250 g", "Coffee", "8.90", 10),
      product("Cold Brew Coarse Grind 500 g", "Coffee", "13.40", 18),
      product("Guatemala Antigua 250 g", "Coffee", "10.70", 4),
      product("Stoneware Mug 350 ml", "Kitchen", "12.00", 50),
      product("Glass Teapot 1 l", "Kitchen", "29.00", 9),
      product("Pour-Over Dripper", "Kitchen", "19.50", 14),
      product("Burr Grinder", "Kitchen", "89.00", 5),
      product("Milk Frother", "Kitchen", "34.90", 7),
      product("Bamboo Tea Tray", "Kitchen", "27.50", 3),
      product("Dark Chocolate 70% 100 g", "Snacks", "3.20", 60),
      product("Almond Biscotti 200 g", "Snacks", "4.60", 45),
      product("Salted Caramel Wafers", "Snacks", "2.90", 70),
      product("Oat Cookies 250 g", "Snacks", "3.80", 38),
      product("Candied Ginger 150 g", "Snacks", "4.10", 22),
      product("Honey Almonds 200 g", "Snacks", "5.30", 2),
      product("Tea Sampler Gift Box", "Gifts", "29.90", 11),
      product("Coffee Lover's Hamper", "Gifts", "59.00", 6),
      product("Gift Card 25", "Gifts", "25.00", 100),
      product("Mug and Tea Set", "Gifts", "34.00", 9),
      product("Chocolate Tasting Box", "Gifts", "19.90", 16),
      product("Barista Starter Kit", "Gifts", "79.00", 1));

  private DemoCatalog() {}

  /**
   * Adds the demo products when the catalog is empty; does nothing otherwise, so restarting
   * with {@code --demo-data} never duplicates them.
   *
   * @param shop the shop
   * @return how many products were added
   */
  public static int loadOnce(Shop shop) {
    if (!shop.catalog().list(ProductQuery.all().limit(1)).items().isEmpty()) {
      return 0;
    }
    PRODUCTS.forEach(shop.catalog()::add);
    return PRODUCTS.size();
  }

  private static NewProduct product(String name, String category, String price, int stock) {
    return new NewProduct(name, category, new BigDecimal(price), stock);
  }
}
